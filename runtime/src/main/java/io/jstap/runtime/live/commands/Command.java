package io.jstap.runtime.live.commands;

import io.jstap.compiler.complete.CommandInfo;

/**
 * A REPL {@code :command}: its completion shape (name, argument kinds, flags, one help line), a longer help
 * text and its handler. Handlers work on the session only, so they run the same with or without a terminal.
 */
public interface Command {

    CommandInfo info();

    /** Usage and explanation for {@code :help NAME}. */
    String help();

    /**
     * Runs the command. A mistake the user made (an unknown name, a bad flag value) is thrown as
     * IllegalArgumentException with a message; the table turns it into an error result.
     */
    CommandResult run(CommandContext ctx, Args args);

    default String name() {
        return info().name();
    }

    /** A command made of its parts. */
    record Simple(CommandInfo info, String help, Handler handler) implements Command {
        @Override
        public CommandResult run(CommandContext ctx, Args args) {
            return handler.run(ctx, args);
        }
    }

    /** The handler of a {@link Simple} command. */
    @FunctionalInterface
    interface Handler {
        CommandResult run(CommandContext ctx, Args args);
    }
}
