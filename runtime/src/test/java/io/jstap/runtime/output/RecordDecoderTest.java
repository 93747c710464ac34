package io.jstap.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.OutputRecord.Arg;
import io.jstap.compiler.module.OutputRecord.Kind;
import io.jstap.runtime.session.Modules;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

    static final class Events implements RecordDecoder.Control {
        int exits;
        final List<String> errors = new ArrayList<>();

        @Override
        public void exitRequested() {
            exits++;
        }

        @Override
        public void runtimeError(String message) {
            errors.add(message);
        }
    }

    private final RecordingOutput out = new RecordingOutput();
    private final Events events = new Events();
    private final Module module = new Modules.Builder()
            .record(Modules.record(0, Kind.PRINTF, "%s read %d bytes\n", 8 + 16 + 8,
                    new Arg(IrType.STRING, 8, 16), new Arg(IrType.LONG, 24, 8)))
            .record(Modules.record(1, Kind.EXIT, "", 8))
            .record(new OutputRecord(2, Kind.ERROR, "division by 0", List.of(), 8, new SrcLoc("t.stp", 3, 9),
                    "operator '/' at t.stp:3:9"))
            .record(new OutputRecord(3, Kind.ERROR, "%s", List.of(new Arg(IrType.STRING, 8, 32)), 8 + 32,
                    new SrcLoc("t.stp", 1, 1), "identifier 'error' at t.stp:1:1"))
            .record(Modules.record(4, Kind.WARNING, "%d is odd", 16, new Arg(IrType.LONG, 8, 8)))
            .record(Modules.record(5, Kind.PRINTF, "100%%\n", 8))
            .build();
    private final RecordDecoder decoder = new RecordDecoder(module, out, events);
    /** The ring: records packed back to back at arbitrary offsets, little-endian as the kernel writes. */
    private final ByteBuffer ring = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    /** A string argument: its text NUL-padded to the slot width. */
    private record Str(String text, int width) {
    }

    private int put(Kind kind, int id, Object... fields) {
        int start = ring.position();
        ring.putInt(kind.ordinal()).putInt(id);
        for (Object f : fields) {
            if (f instanceof Long l) {
                ring.putLong(l);
            } else {
                Str s = (Str) f;
                byte[] b = s.text().getBytes(StandardCharsets.UTF_8);
                byte[] slot = new byte[s.width()];
                System.arraycopy(b, 0, slot, 0, b.length);
                ring.put(slot);
            }
        }
        return start;
    }

    private static Str s(String text, int width) {
        return new Str(text, width);
    }

    private void deliver(int start) {
        decoder.onRecord(ring, start, ring.position() - start);
    }

    @Test
    void printfRecordsAreFormattedInArrivalOrder() {
        ring.position(3); // records need not be aligned in the buffer we are handed
        int a = put(Kind.PRINTF, 0, s("sshd", 16), 512L);
        deliver(a);
        int b = put(Kind.PRINTF, 0, s("bash", 16), -1L);
        deliver(b);
        deliver(put(Kind.PRINTF, 5)); // a record with no arguments
        decoder.onDrained();
        assertEquals("sshd read 512 bytes\nbash read -1 bytes\n100%\n", out.text());
        assertEquals(1, out.flushes());
    }

    @Test
    void aStringArgumentIsDecodedAgainWhenItsBytesChange() {
        int a = put(Kind.PRINTF, 0, s("sshd", 16), 1L);
        deliver(a);
        int b = put(Kind.PRINTF, 0, s("sshd", 16), 2L);
        deliver(b);
        int c = put(Kind.PRINTF, 0, s("sshe", 16), 3L);
        deliver(c);
        assertEquals("sshd read 1 bytes\nsshd read 2 bytes\nsshe read 3 bytes\n", out.text());
    }

    @Test
    void exitAsksTheRunToStop() {
        int a = put(Kind.EXIT, 1);
        deliver(a);
        assertEquals(1, events.exits);
        assertEquals("", out.text());
    }

    @Test
    void errorsSayWhereTheyHappenedAndWarningsDoNot() {
        deliver(put(Kind.ERROR, 2));
        deliver(put(Kind.ERROR, 3, s("bad input", 32)));
        deliver(put(Kind.WARNING, 4, 7L));
        assertEquals(List.of("division by 0 near operator '/' at t.stp:3:9",
                "bad input near identifier 'error' at t.stp:1:1"), events.errors);
        assertEquals("WARNING: 7 is odd\n", out.text());
    }

    @Test
    void unknownOrShortRecordsWarnOnceAndAreCounted() {
        deliver(put(Kind.PRINTF, 9));
        deliver(put(Kind.EXIT, 0));
        int a = put(Kind.PRINTF, 0, s("x", 16));
        deliver(a); // 8 bytes short of its long argument
        decoder.onRecord(ring, 0, 4);
        assertEquals(4, decoder.malformed());
        assertEquals("WARNING: malformed output record from a kernel probe (record id 9 of kind 0 and 8 bytes matches "
                + "no record of the module); further ones are counted\n", out.text());
        assertEquals(List.of(), events.errors);
    }

    @Test
    void recordsTheDecoderCannotReadAreRefusedUpFront() {
        Module bad = new Modules.Builder()
                .record(Modules.record(0, Kind.PRINTF, "%d %d\n", 16, new Arg(IrType.LONG, 8, 8)))
                .build();
        assertEquals("output record 0: format \"%d %d\n\" takes 2 arguments, the record carries 1",
                assertThrows(IllegalArgumentException.class, () -> new RecordDecoder(bad, out, events)).getMessage());
    }
}
