package io.jstap.runtime.live.commands;

import io.jstap.runtime.live.SnippetEvent;
import java.util.List;

/**
 * What a command produced, for the REPL to render: text to show (tables, listings), snippet events (from
 * {@code :drop}, {@code :load}, ...), an error message, and whether the REPL should end.
 */
public record CommandResult(String text, List<SnippetEvent> events, String error, boolean quit) {

    public CommandResult {
        text = text == null ? "" : text;
        events = List.copyOf(events);
    }

    public static CommandResult text(String text) {
        return new CommandResult(text, List.of(), null, false);
    }

    public static CommandResult events(List<SnippetEvent> events) {
        return new CommandResult("", events, null, false);
    }

    public static CommandResult error(String message) {
        return new CommandResult("", List.of(), message, false);
    }

    public static CommandResult quit(String text) {
        return new CommandResult(text, List.of(), null, true);
    }

    public boolean failed() {
        return error != null || events.stream().anyMatch(SnippetEvent::failed);
    }
}
