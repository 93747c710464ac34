package io.jstap.runtime.live.commands;

import io.jstap.compiler.complete.CommandInfo;
import io.jstap.runtime.live.LiveSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's {@code :commands}, one entry each (handler, completion shape, help). A command may be
 * abbreviated to any prefix that names only it ({@code :d} is ambiguous, {@code :du} is {@code :dump}).
 */
public final class CommandTable {

    private final List<Command> commands;

    public CommandTable(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** Every command of the REPL. */
    public static CommandTable standard() {
        List<Command> all = new ArrayList<>();
        all.addAll(SnippetCommands.all());
        all.addAll(DataCommands.all());
        all.addAll(ControlCommands.all());
        return new CommandTable(all);
    }

    public List<Command> commands() {
        return commands;
    }

    /** The completion shapes, for the compiler's completion analysis. */
    public List<CommandInfo> infos() {
        return commands.stream().map(Command::info).toList();
    }

    /** The command by exact name or unique prefix; IllegalArgumentException saying why there is none. */
    public Command lookup(String name) {
        String n = name.startsWith(":") ? name.substring(1) : name;
        List<Command> prefixed = new ArrayList<>();
        for (Command c : commands) {
            if (c.name().equals(n)) {
                return c;
            }
            if (c.name().startsWith(n)) {
                prefixed.add(c);
            }
        }
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.isEmpty() || n.isEmpty()) {
            throw new IllegalArgumentException("unknown command :" + n + " (:help lists them)");
        }
        StringBuilder names = new StringBuilder();
        prefixed.forEach(c -> names.append(" :").append(c.name()));
        throw new IllegalArgumentException(":" + n + " is ambiguous:" + names);
    }

    /** True for input that is a command line (starts with {@code :}). */
    public static boolean isCommand(String line) {
        return line.stripLeading().startsWith(":");
    }

    /** Runs one command line ({@code :dump x --top 5}) on {@code session}. */
    public CommandResult execute(LiveSession session, Editor editor, String line) {
        String t = line.strip();
        if (t.startsWith(":")) {
            t = t.substring(1);
        }
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        try {
            Command c = lookup(t.substring(0, sp));
            Args args = Args.parse(c.info(), t.substring(sp));
            return c.run(new CommandContext(session, editor, this), args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return CommandResult.error(e.getMessage());
        }
    }
}
