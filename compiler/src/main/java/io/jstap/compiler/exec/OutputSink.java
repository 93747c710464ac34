package io.jstap.compiler.exec;

/**
 * Where a userspace probe's output goes. {@link #print} receives stdout text in order, exactly
 * as stap would write it; warnings are the text after stap's {@code WARNING: } prefix.
 */
public interface OutputSink {

    void print(String text);

    /** {@code warn(msg)}: stap prints {@code WARNING: msg} on stderr. */
    void warning(String message);

    /** End of a probe handler: stap flushes its print buffer here. */
    default void flush() {
    }
}
