package io.jstap.runtime.live;

import io.jstap.compiler.exec.RuntimeLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings {@code :set} changes and {@code :show} lists. The limits go into every compilation (a change
 * recompiles the session); the output file redirects what probes print; colour and timestamps are read by
 * the terminal. Thread-safe.
 */
public final class LiveOptions {

    /** One setting: its name as typed, a help line, and its closed list of values if it has one. */
    public record Option(String name, String description, List<String> values) {
        public Option {
            values = List.copyOf(values);
        }
    }

    public static final String MAXSTRINGLEN = "MAXSTRINGLEN";
    public static final String MAXMAPENTRIES = "MAXMAPENTRIES";
    public static final String MAXACTION = "MAXACTION";
    public static final String OUTPUT = "output";
    public static final String COLOUR = "colour";
    public static final String TIMESTAMPS = "timestamps";

    public static final List<Option> ALL = List.of(
            new Option(MAXSTRINGLEN, "longest string, bytes with the NUL (recompiles; string maps restart)", List.of()),
            new Option(MAXMAPENTRIES, "default entries of an array (recompiles; arrays restart)", List.of()),
            new Option(MAXACTION, "statements a probe may run", List.of()),
            new Option(OUTPUT, "where probe output goes: a file, or 'terminal'", List.of("terminal")),
            new Option(COLOUR, "colour in the terminal", List.of("on", "off")),
            new Option(TIMESTAMPS, "prefix probe output lines with the time", List.of("on", "off")));

    private RuntimeLimits limits;
    private String outputFile;
    private boolean colour;
    private boolean timestamps;

    public LiveOptions(RuntimeLimits limits, boolean colour) {
        this.limits = limits;
        this.colour = colour;
    }

    public static LiveOptions defaults() {
        return new LiveOptions(RuntimeLimits.DEFAULTS, false);
    }

    public synchronized RuntimeLimits limits() {
        return limits;
    }

    public synchronized void limits(RuntimeLimits l) {
        limits = l;
    }

    /** The output file, or null for the terminal. */
    public synchronized String outputFile() {
        return outputFile;
    }

    synchronized void outputFile(String file) {
        outputFile = file;
    }

    public synchronized boolean colour() {
        return colour;
    }

    public synchronized boolean timestamps() {
        return timestamps;
    }

    /** The option named {@code name} (case-insensitive; a unique prefix will do), or null. */
    public static Option find(String name) {
        Option byPrefix = null;
        int n = 0;
        for (Option o : ALL) {
            if (o.name().equalsIgnoreCase(name)) {
                return o;
            }
            if (o.name().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                byPrefix = o;
                n++;
            }
        }
        return n == 1 ? byPrefix : null;
    }

    /** Every setting with its current value as text, in {@link #ALL}'s order. */
    public synchronized Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(MAXSTRINGLEN, Integer.toString(limits.maxStringLen()));
        out.put(MAXMAPENTRIES, Integer.toString(limits.maxMapEntries()));
        out.put(MAXACTION, Long.toString(limits.maxAction()));
        out.put(OUTPUT, outputFile == null ? "terminal" : outputFile);
        out.put(COLOUR, colour ? "on" : "off");
        out.put(TIMESTAMPS, timestamps ? "on" : "off");
        return out;
    }

    /** Sets colour or timestamps; throws IllegalArgumentException with a message for a bad value. */
    synchronized void setFlag(String name, String value) {
        boolean on = flag(name, value);
        if (name.equals(COLOUR)) {
            colour = on;
        } else {
            timestamps = on;
        }
    }

    static boolean flag(String name, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on":
            case "yes":
            case "true":
            case "1":
                return true;
            case "off":
            case "no":
            case "false":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException(name + " is on or off, not '" + value + "'");
        }
    }

    /** The limits with {@code name} set to {@code value}; IllegalArgumentException with a message if bad. */
    synchronized RuntimeLimits limitsWith(String name, String value) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, not '" + value + "'");
        }
        long max = name.equals(MAXACTION) ? 1L << 40 : Integer.MAX_VALUE;
        if (n <= 0 || n > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max);
        }
        switch (name) {
            case MAXSTRINGLEN:
                return limits.withMaxStringLen((int) n);
            case MAXMAPENTRIES:
                return limits.withMaxMapEntries((int) n);
            default:
                return limits.withMaxAction(n);
        }
    }
}
