package io.jstap.runtime.catalog;

import io.jstap.compiler.probe.TracepointFormat;
import java.util.ArrayList;
import java.util.List;

/** Parses a tracefs {@code events/<category>/<event>/format} file. */
public final class FormatParser {

    private FormatParser() {
    }

    /**
     * Reads every {@code field:} line. Arrays keep their bounds in the C type ({@code char prev_comm[16]}
     * becomes type {@code char[16]}, name {@code prev_comm}).
     */
    public static TracepointFormat parse(String category, String event, String text) {
        List<TracepointFormat.Field> fields = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (!line.startsWith("field:")) {
                continue;
            }
            String[] parts = line.split(";");
            String decl = parts[0].substring("field:".length()).strip();
            int offset = -1;
            int size = -1;
            boolean signed = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("offset:")) {
                    offset = Integer.parseInt(p.substring(7).strip());
                } else if (p.startsWith("size:")) {
                    size = Integer.parseInt(p.substring(5).strip());
                } else if (p.startsWith("signed:")) {
                    signed = p.substring(7).strip().equals("1");
                }
            }
            if (offset < 0 || size < 0) {
                throw new IllegalArgumentException("malformed field line in " + category + ":" + event + ": " + line);
            }
            int sp = decl.lastIndexOf(' ');
            String type = sp < 0 ? "" : decl.substring(0, sp).strip();
            String name = decl.substring(sp + 1);
            int bracket = name.indexOf('[');
            if (bracket > 0) {
                type = type + name.substring(bracket);
                name = name.substring(0, bracket);
            }
            fields.add(new TracepointFormat.Field(type, name, offset, size, signed));
        }
        return new TracepointFormat(category, event, fields);
    }
}
