package io.jstap.runtime.output;

import io.jstap.compiler.format.GlobalValue;
import io.jstap.compiler.format.Stats;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One JSON object per line, in the manner of bpftrace's {@code -f json}:
 * <pre>
 * {"type": "printf", "data": "text"}
 * {"type": "warning", "data": "message"}
 * {"type": "error", "data": "message"}
 * {"type": "map", "data": {"count": 42}}
 * {"type": "map", "data": {"hits": {"sshd,1423": 17}}}
 * {"type": "stats", "data": {"lat": {"count": 4, "min": 1, "max": 4, "sum": 10, "avg": 2}}}
 * {"type": "lost_events", "data": {"events": 3}}
 * </pre>
 * Array keys of several fields are joined with commas, as bpftrace does. Everything goes to one stream.
 */
public final class JsonOutput implements Output {

    private final StreamWriter out;
    private final StringBuilder line = new StringBuilder(256);

    public JsonOutput(OutputStream out, boolean ownsOut) {
        this.out = new StreamWriter(out, ownsOut);
    }

    public static JsonOutput standard() {
        return new JsonOutput(System.out, false);
    }

    public static JsonOutput toFile(Path file) {
        return new JsonOutput(TextOutput.open(file), true);
    }

    @Override
    public synchronized void print(CharSequence text) {
        begin("printf");
        quote(text);
        end();
    }

    @Override
    public synchronized void warning(String message) {
        begin("warning");
        quote(message);
        end();
    }

    @Override
    public synchronized void error(String message) {
        begin("error");
        quote(message);
        end();
        out.flush();
    }

    @Override
    public synchronized void globals(List<GlobalValue> values) {
        for (GlobalValue g : values) {
            boolean stats = g instanceof GlobalValue.Scalar s ? s.value() instanceof Stats
                    : ((GlobalValue.Array) g).entries().stream().anyMatch(e -> e.value() instanceof Stats);
            begin(stats ? "stats" : "map");
            line.append('{');
            quote(g.name());
            line.append(": ");
            if (g instanceof GlobalValue.Scalar s) {
                value(s.value());
            } else {
                line.append('{');
                List<GlobalValue.Entry> entries = ((GlobalValue.Array) g).entries();
                for (int i = 0; i < entries.size(); i++) {
                    GlobalValue.Entry e = entries.get(i);
                    if (i > 0) {
                        line.append(", ");
                    }
                    StringBuilder key = new StringBuilder();
                    for (int k = 0; k < e.key().size(); k++) {
                        key.append(k > 0 ? "," : "").append(e.key().get(k));
                    }
                    quote(key);
                    line.append(": ");
                    value(e.value());
                }
                line.append('}');
            }
            line.append('}');
            end();
        }
    }

    @Override
    public synchronized void lost(long records) {
        if (records > 0) {
            begin("lost_events");
            line.append("{\"events\": ").append(records).append('}');
            end();
        }
    }

    private void value(Object v) {
        if (v instanceof Long l) {
            line.append((long) l);
        } else if (v instanceof String s) {
            quote(s);
        } else {
            Stats s = (Stats) v;
            line.append("{\"count\": ").append(s.count());
            if (s.count() > 0) {
                line.append(", \"min\": ").append(s.min()).append(", \"max\": ").append(s.max())
                        .append(", \"sum\": ").append(s.sum()).append(", \"avg\": ").append(s.avg());
            }
            line.append('}');
        }
    }

    private void begin(String type) {
        line.setLength(0);
        line.append("{\"type\": \"").append(type).append("\", \"data\": ");
    }

    private void end() {
        line.append("}\n");
        out.write(line);
    }

    /** A JSON string literal; control characters escaped, everything else as is (the stream is UTF-8). */
    private void quote(CharSequence s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    line.append("\\\"");
                    break;
                case '\\':
                    line.append("\\\\");
                    break;
                case '\n':
                    line.append("\\n");
                    break;
                case '\t':
                    line.append("\\t");
                    break;
                case '\r':
                    line.append("\\r");
                    break;
                default:
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
            }
        }
        line.append('"');
    }

    @Override
    public synchronized void flush() {
        out.flush();
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
