package io.jstap.compiler.probe;

import java.util.List;
import java.util.Optional;

/** A tracepoint's record layout as tracefs {@code format} describes it. */
public record TracepointFormat(String category, String event, List<Field> fields) {

    public TracepointFormat {
        fields = List.copyOf(fields);
    }

    /** One field line: {@code field:<ctype> <name>; offset:N; size:N; signed:N;}. */
    public record Field(String cType, String name, int offset, int size, boolean signed) {

        /** True for the common_* header fields every event carries. */
        public boolean common() {
            return name.startsWith("common_");
        }

        /** {@code __data_loc char[]} fields hold offset (low 16 bits) and length (high 16) of a string. */
        public boolean dataLoc() {
            return cType.startsWith("__data_loc");
        }
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Fields past the common header, in record order. */
    public List<Field> eventFields() {
        return fields.stream().filter(f -> !f.common()).toList();
    }

    public String name() {
        return category + ":" + event;
    }
}
