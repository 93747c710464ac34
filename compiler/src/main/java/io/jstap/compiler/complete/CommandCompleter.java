package io.jstap.compiler.complete;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * REPL {@code :command} lines: the command name, then each argument by the kind its {@link CommandInfo}
 * declares, and flags. Words are split at white space; a command may be abbreviated to a unique prefix.
 */
final class CommandCompleter {

    private record Word(int start, String text) {
    }

    private final CompletionSources sources;
    private final PathCompleter paths;
    private final ExpressionCompleter expressions;

    /** Completes an expression argument; given the text from the argument's start to the cursor. */
    interface ExpressionCompleter {
        Completion complete(String buffer, int from, int cursor);
    }

    CommandCompleter(CompletionSources sources, PathCompleter paths, ExpressionCompleter expressions) {
        this.sources = sources;
        this.paths = paths;
        this.expressions = expressions;
    }

    Completion complete(String buffer, int cursor) {
        List<Word> words = split(buffer, cursor);
        Word current = words.get(words.size() - 1);
        if (words.size() == 1) {
            CandidateList out = new CandidateList();
            for (CommandInfo c : sources.commands()) {
                out.add(":" + c.name(), ":" + c.name(), ":" + c.name(), c.description(), Kind.COMMAND, true);
            }
            return new Completion(current.start, out.select(current.text));
        }
        CommandInfo cmd = lookup(words.get(0).text.substring(1));
        if (cmd == null) {
            return new Completion(cursor, List.of(), "unknown command " + words.get(0).text);
        }
        List<String> positional = new ArrayList<>();
        Set<String> used = new HashSet<>();
        CommandInfo.Flag pending = null;
        for (Word w : words.subList(1, words.size() - 1)) {
            CommandInfo.Flag f = flag(cmd, w.text);
            ArgKind here = cmd.arg(positional.size());
            if (pending == null && (here == ArgKind.EXPRESSION || here == ArgKind.TEXT)) {
                // the rest of the line is one argument, spaces and all
                return here == ArgKind.TEXT ? Completion.none(cursor) : expressions.complete(buffer, w.start, cursor);
            }
            if (pending != null) {
                pending = null;
            } else if (f != null) {
                used.add(f.name());
                pending = f.takesValue() ? f : null;
            } else if (!w.text.startsWith("-")) {
                positional.add(w.text);
            }
        }
        if (pending != null) {
            return new Completion(cursor, List.of(), pending.name() + " " + pending.value() + ": " + pending.description());
        }
        ArgKind kind = cmd.arg(positional.size());
        if (current.text.startsWith("-") || kind == null) {
            return flags(cmd, used, current);
        }
        CandidateList out = new CandidateList();
        String needle = current.text;
        switch (kind) {
            case GLOBAL:
                for (GlobalInfo g : sources.globals()) {
                    out.add(g.name(), g.name(), g.name(), g.type(), Kind.GLOBAL, true);
                }
                break;
            case SNIPPET:
                for (SnippetInfo s : sources.snippets()) {
                    out.add(s.id(), s.id(), s.id(), s.name().isEmpty() ? s.summary() : s.name() + "  " + s.summary(),
                        Kind.COMMAND_ARG, true);
                    if (!s.name().isEmpty()) {
                        out.add(s.name(), s.name(), s.name(), s.id() + "  " + s.summary(), Kind.COMMAND_ARG, true);
                    }
                }
                break;
            case FILE:
                paths.add(out, current.text, "", "", false, false, true);
                needle = PathCompleter.needle(current.text);
                break;
            case OPTION:
                for (OptionInfo o : sources.options()) {
                    out.add(o.name(), o.name(), o.name(), o.description(), Kind.OPTION, true);
                }
                break;
            case OPTION_VALUE:
                String option = positional.isEmpty() ? "" : positional.get(positional.size() - 1);
                for (OptionInfo o : sources.options()) {
                    if (o.name().equals(option)) {
                        for (String v : o.values()) {
                            out.add(v, v, v, o.name(), Kind.COMMAND_ARG, true);
                        }
                    }
                }
                break;
            case COMMAND:
                for (CommandInfo c : sources.commands()) {
                    out.add(c.name(), c.name(), c.name(), c.description(), Kind.COMMAND, true);
                }
                break;
            case EXPRESSION:
                return expressions.complete(buffer, current.start, cursor);
            default:
                return Completion.none(cursor);
        }
        return new Completion(current.start, out.select(needle));
    }

    private Completion flags(CommandInfo cmd, Set<String> used, Word current) {
        CandidateList out = new CandidateList();
        for (CommandInfo.Flag f : cmd.flags()) {
            if (!used.contains(f.name())) {
                String display = f.takesValue() ? f.name() + " " + f.value() : f.name();
                out.add(f.name(), f.name(), display, f.description(), Kind.COMMAND_ARG, true);
            }
        }
        return new Completion(current.start, out.select(current.text));
    }

    private static CommandInfo.Flag flag(CommandInfo cmd, String word) {
        for (CommandInfo.Flag f : cmd.flags()) {
            if (f.name().equals(word)) {
                return f;
            }
        }
        return null;
    }

    /** The command by exact name, else by unique prefix. */
    private CommandInfo lookup(String name) {
        CommandInfo byPrefix = null;
        int prefixes = 0;
        for (CommandInfo c : sources.commands()) {
            if (c.name().equals(name)) {
                return c;
            }
            if (c.name().startsWith(name)) {
                byPrefix = c;
                prefixes++;
            }
        }
        return prefixes == 1 ? byPrefix : null;
    }

    /** Words before the cursor; the last one is the word being typed (empty after white space). */
    private static List<Word> split(String buffer, int cursor) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < cursor) {
            while (i < cursor && Character.isWhitespace(buffer.charAt(i))) {
                i++;
            }
            if (i >= cursor) {
                break;
            }
            int start = i;
            while (i < cursor && !Character.isWhitespace(buffer.charAt(i))) {
                i++;
            }
            out.add(new Word(start, buffer.substring(start, i)));
        }
        if (out.isEmpty() || out.get(out.size() - 1).start + out.get(out.size() - 1).text.length() < cursor) {
            out.add(new Word(cursor, ""));
        }
        return out;
    }
}
