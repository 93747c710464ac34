package io.jstap.repl.shell;

import io.jstap.compiler.complete.Completion;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab: the compiler's candidates as JLine's, grouped by what they name, with their signatures. */
final class ShellCompleter implements Completer {

    private final ShellParser parser;

    ShellCompleter(ShellParser parser) {
        this.parser = parser;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        Completion c = parser.completion(line.line(), line.cursor());
        for (io.jstap.compiler.complete.Candidate k : c.candidates()) {
            String descr = k.description().isEmpty() ? null : k.description();
            out.add(new Candidate(k.value(), k.display(), group(k.kind()), descr, null, null, k.complete()));
        }
        if (out.isEmpty() && !c.note().isEmpty()) {
            // no candidates, but a reason: shown as a candidate that completes nothing
            out.add(new Candidate(line.word(), "(" + c.note() + ")", null, null, null, null, false));
        }
    }

    private static String group(io.jstap.compiler.complete.Kind kind) {
        switch (kind) {
            case PROBE_COMPONENT:
            case TRACEPOINT:
                return "probe points";
            case FUNCTION:
                return "functions";
            case GLOBAL:
                return "globals";
            case LOCAL:
                return "locals";
            case CONTEXT_VAR:
                return "context variables";
            case COMMAND:
                return "commands";
            default:
                return null;
        }
    }
}
