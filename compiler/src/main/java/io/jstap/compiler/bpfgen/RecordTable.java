package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.OutputRecord.Arg;
import io.jstap.compiler.module.OutputRecord.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's ring-buffer record kinds, numbered in order of first use. Arguments follow the 8-byte
 * header at 8-byte aligned offsets: a long takes 8 bytes, a string MAXSTRINGLEN (NUL-terminated). Two
 * sites that would emit the same record (same kind, text, arguments, location) share one id.
 */
final class RecordTable {

    private record Key(Kind kind, String text, List<IrType> args, SrcLoc loc, String near) {
    }

    private final int maxStringLen;
    private final List<OutputRecord> records = new ArrayList<>();
    private final Map<Key, OutputRecord> byKey = new HashMap<>();

    RecordTable(int maxStringLen) {
        this.maxStringLen = maxStringLen;
    }

    OutputRecord printf(String format, List<IrType> args, SrcLoc loc) {
        return record(Kind.PRINTF, format, args, loc, null);
    }

    /** An error with a fixed message (no args) or a format over {@code args}. */
    OutputRecord error(String text, List<IrType> args, SrcLoc loc, String near) {
        return record(Kind.ERROR, text, args, loc, near);
    }

    OutputRecord warning(String text, List<IrType> args, SrcLoc loc) {
        return record(Kind.WARNING, text, args, loc, null);
    }

    OutputRecord exit(SrcLoc loc) {
        return record(Kind.EXIT, "", List.of(), loc, null);
    }

    private OutputRecord record(Kind kind, String text, List<IrType> args, SrcLoc loc, String near) {
        Key key = new Key(kind, text, List.copyOf(args), loc, near);
        OutputRecord r = byKey.get(key);
        if (r != null) {
            return r;
        }
        List<Arg> laid = new ArrayList<>(args.size());
        int off = OutputRecord.HEADER;
        for (IrType t : args) {
            int size = t == IrType.STRING ? maxStringLen : 8;
            laid.add(new Arg(t, off, size));
            off += Storage.align8(size);
        }
        r = new OutputRecord(records.size(), kind, text, laid, off, loc, near);
        records.add(r);
        byKey.put(key, r);
        return r;
    }

    List<OutputRecord> all() {
        return List.copyOf(records);
    }
}
