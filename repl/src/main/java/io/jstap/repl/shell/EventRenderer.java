package io.jstap.repl.shell;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.runtime.live.Snippet;
import io.jstap.runtime.live.SnippetEvent;
import io.jstap.runtime.live.commands.CommandResult;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns what the session and the commands report into terminal text: diagnostics the stap way with the
 * heading in colour and a green caret, run-time errors in red, notices dimmed, values as they are. It only
 * renders; every decision was made by the session.
 */
final class EventRenderer {

    private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    private static final AttributedStyle WARNING = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle CARET = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

    private final boolean colour;

    EventRenderer(boolean colour) {
        this.colour = colour;
    }

    private AttributedStyle st(AttributedStyle s) {
        return colour ? s : AttributedStyle.DEFAULT;
    }

    AttributedString events(List<SnippetEvent> events) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (SnippetEvent e : events) {
            event(sb, e);
        }
        return sb.toAttributedString();
    }

    private void event(AttributedStringBuilder sb, SnippetEvent e) {
        for (Diagnostic d : e.diagnostics()) {
            diagnostic(sb, d);
        }
        if (e.error() != null) {
            error(sb, e.error());
        }
        if (e.rejected() && e.error() == null && e.diagnostics().stream().noneMatch(Diagnostic::isError)) {
            error(sb, "#" + e.snippet().id() + " was rejected");
        }
        if (e.value() != null && !e.value().isEmpty()) {
            sb.append(e.value());
            if (!e.value().endsWith("\n")) {
                sb.append('\n');
            }
        }
        for (String n : e.notices()) {
            sb.styled(st(NOTICE), "  " + n).append('\n');
        }
        if (e.status() == Snippet.Status.DROPPED && e.cause() == null && e.notices().isEmpty()
                && e.previousStatus() == Snippet.Status.VALID) {
            sb.styled(st(NOTICE), "  dropped #" + e.snippet().id() + " " + e.snippet().kind() + " "
                    + e.snippet().name()).append('\n');
        }
    }

    /** A stap diagnostic: heading coloured, source line as it is, the caret in green. */
    void diagnostic(AttributedStringBuilder sb, Diagnostic d) {
        String[] lines = d.render().split("\n", -1);
        boolean caretNext = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (i == 0) {
                int colon = line.indexOf(": ");
                String head = colon < 0 ? line : line.substring(0, colon + 1);
                sb.styled(st(d.isError() ? ERROR : WARNING), head);
                if (colon >= 0) {
                    sb.styled(st(AttributedStyle.BOLD), line.substring(colon + 1));
                }
            } else if (caretNext) {
                sb.styled(st(CARET), line);
            } else {
                sb.append(line);
            }
            caretNext = line.startsWith("    source: ");
            sb.append('\n');
        }
    }

    void error(AttributedStringBuilder sb, String message) {
        String[] lines = message.split("\n", -1);
        sb.styled(st(ERROR), "ERROR: ").append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                sb.append(lines[i]).append('\n');
            }
        }
    }

    AttributedString result(CommandResult r) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (r.error() != null) {
            error(sb, r.error());
        }
        sb.append(r.text());
        sb.append(events(r.events()));
        return sb.toAttributedString();
    }
}
