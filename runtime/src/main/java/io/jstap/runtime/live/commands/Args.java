package io.jstap.runtime.live.commands;

import io.jstap.compiler.complete.CommandInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's arguments: words split at white space, with single or double quotes around words that contain
 * spaces; flags as the command declares them ({@code --top 5}, {@code --json}); everything else positional.
 */
public final class Args {

    private final List<String> positional;
    private final Map<String, String> flags;

    private Args(List<String> positional, Map<String, String> flags) {
        this.positional = List.copyOf(positional);
        this.flags = flags;
    }

    /** Parses {@code text} (the line after the command name) for {@code info}; IllegalArgumentException if bad. */
    public static Args parse(CommandInfo info, String text) {
        List<String> words = words(text);
        List<String> pos = new ArrayList<>();
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            CommandInfo.Flag f = flag(info, w);
            if (f == null && w.startsWith("--")) {
                throw new IllegalArgumentException(":" + info.name() + " has no flag " + w);
            }
            if (f == null) {
                pos.add(w);
                continue;
            }
            if (f.takesValue()) {
                if (i + 1 >= words.size()) {
                    throw new IllegalArgumentException(f.name() + " needs a value (" + f.value() + ")");
                }
                flags.put(f.name(), words.get(++i));
            } else {
                flags.put(f.name(), "");
            }
        }
        if (!info.repeatLast() && pos.size() > info.args().size()) {
            throw new IllegalArgumentException(":" + info.name() + " takes at most " + info.args().size()
                    + " argument" + (info.args().size() == 1 ? "" : "s") + "; see :help " + info.name());
        }
        return new Args(pos, flags);
    }

    private static CommandInfo.Flag flag(CommandInfo info, String word) {
        for (CommandInfo.Flag f : info.flags()) {
            if (f.name().equals(word)) {
                return f;
            }
        }
        return null;
    }

    /** Splits at white space; quotes group, and a backslash in double quotes escapes the next character. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    cur.append(text.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    public int size() {
        return positional.size();
    }

    /** Positional argument {@code i}, or null. */
    public String get(int i) {
        return i < positional.size() ? positional.get(i) : null;
    }

    /** Positional argument {@code i}; IllegalArgumentException naming {@code what} when missing. */
    public String require(int i, String what) {
        String v = get(i);
        if (v == null) {
            throw new IllegalArgumentException("missing " + what);
        }
        return v;
    }

    public List<String> positional() {
        return positional;
    }

    public boolean has(String flag) {
        return flags.containsKey(flag);
    }

    /** A flag's value, or null when it was not given. */
    public String flag(String flag) {
        return flags.get(flag);
    }
}
