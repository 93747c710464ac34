package io.jstap.runtime.live;

import io.jstap.compiler.diag.Diagnostic;
import java.util.List;

/**
 * What one {@link LiveSession} operation did to one snippet, as JShell's SnippetEvent: the status
 * before and after, the snippet that caused the change, the value or output of a statement, the
 * diagnostics of a rejected snippet and one-line notices ("probe #2 attached to 318 points (12 ms)").
 * The REPL renders events; it decides nothing.
 *
 * @param snippet        the snippet concerned
 * @param previousStatus its status before, or null for a snippet just entered
 * @param status         its status now
 * @param cause          the snippet whose evaluation changed this one (the replacement of an overwritten
 *                       snippet), or null
 * @param value          for an expression: its value as printed (a histogram drawn); for a statement: what
 *                       it printed; otherwise null
 * @param error          a run-time error of a statement ({@code division by 0 near ...}), or why a snippet
 *                       could not be loaded or attached (the kernel's words); null when there was none
 * @param diagnostics    compiler errors and warnings, located in the snippet's own text where they came from
 * @param notices        what else the user should know, one line each
 */
public record SnippetEvent(Snippet snippet, Snippet.Status previousStatus, Snippet.Status status, Snippet cause,
                           String value, String error, List<Diagnostic> diagnostics, List<String> notices) {

    public SnippetEvent {
        diagnostics = List.copyOf(diagnostics);
        notices = List.copyOf(notices);
    }

    /** True when the snippet was refused (and so nothing changed). */
    public boolean rejected() {
        return status == Snippet.Status.REJECTED;
    }

    /** True when something went wrong: a rejection or a run-time error. */
    public boolean failed() {
        return rejected() || error != null;
    }
}
