package io.jstap.runtime.output;

/** How a run's output is written: stap's text, or one JSON object per line as bpftrace's {@code -f json}. */
public enum OutputFormat {
    TEXT,
    JSON
}
