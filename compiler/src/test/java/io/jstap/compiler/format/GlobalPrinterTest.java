package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** End-of-run display of unread globals, against stap's testsuite/systemtap.base/global_end. */
class GlobalPrinterTest {

    static GlobalValue.Entry entry(Object value, Object... key) {
        return new GlobalValue.Entry(List.of(key), value);
    }

    static Stats stats(long... values) {
        Stats s = new Stats();
        for (long v : values) {
            s.add(v);
        }
        return s;
    }

    @Test
    void globalEndScript() {
        List<GlobalValue> globals = List.of(
            new GlobalValue.Array("alpha", List.of(
                entry(1L, "one", 1L), entry(2L, "one", 2L), entry(3L, "two", 1L), entry(4L, "two", 2L))),
            new GlobalValue.Scalar("gamma", "abcdefghijklmnopqrstuvwxyz"),
            new GlobalValue.Array("iota", List.of(entry("eleven", "one"), entry("twelve", "two"))),
            new GlobalValue.Scalar("phi", stats(1, 2, 3, 4)));
        assertEquals(
            "alpha[\"two\",2]=0x4\n"
            + "alpha[\"two\",1]=0x3\n"
            + "alpha[\"one\",2]=0x2\n"
            + "alpha[\"one\",1]=0x1\n"
            + "gamma=\"abcdefghijklmnopqrstuvwxyz\"\n"
            + "iota[\"two\"]=\"twelve\"\n"
            + "iota[\"one\"]=\"eleven\"\n"
            + "phi @count=4 @min=1 @max=4 @sum=10 @avg=2\n",
            GlobalPrinter.print(globals));
    }

    @Test
    void scalars() {
        assertEquals("gs0_save=0x29\n", GlobalPrinter.print(new GlobalValue.Scalar("gs0_save", 41L)));
        assertEquals("neg=0xfffffffffffffffb\n", GlobalPrinter.print(new GlobalValue.Scalar("neg", -5L)));
        assertEquals("s=\"\"\n", GlobalPrinter.print(new GlobalValue.Scalar("s", "")));
        assertEquals("s=\"a\"b\\n\"\n", GlobalPrinter.print(new GlobalValue.Scalar("s", "a\"b\\n")));  // no escaping
        assertEquals("st @count=0x0\n", GlobalPrinter.print(new GlobalValue.Scalar("st", new Stats())));
    }

    @Test
    void arraysOfStatsSortByCount() {
        GlobalValue eps = new GlobalValue.Array("epsilon", List.of(
            entry(stats(10, 20), "two", 2L),
            entry(stats(1, 2, 3, 4), "one", 1L),
            entry(stats(-3), "three", 3L)));
        assertEquals(
            "epsilon[\"one\",1] @count=4 @min=1 @max=4 @sum=10 @avg=2\n"
            + "epsilon[\"two\",2] @count=2 @min=10 @max=20 @sum=30 @avg=15\n"
            + "epsilon[\"three\",3] @count=1 @min=-3 @max=-3 @sum=-3 @avg=-3\n",
            GlobalPrinter.print(eps));
    }

    @Test
    void sortIsDescendingAndStable() {
        GlobalValue ga = new GlobalValue.Array("ga", List.of(
            entry(2L, 1L), entry(7L, 2L), entry(2L, 3L), entry(-1L, 4L), entry(7L, 5L)));
        assertEquals("ga[2]=0x7\nga[5]=0x7\nga[1]=0x2\nga[3]=0x2\nga[4]=0xffffffffffffffff\n", GlobalPrinter.print(ga));
        GlobalValue names = new GlobalValue.Array("who", List.of(
            entry("bash", 10L), entry("sshd", 11L), entry("Xorg", 12L), entry("", 13L)));
        assertEquals("who[11]=\"sshd\"\nwho[10]=\"bash\"\nwho[12]=\"Xorg\"\nwho[13]=\"\"\n", GlobalPrinter.print(names));
        assertEquals("", GlobalPrinter.print(new GlobalValue.Array("empty", List.of())));
    }

    @Test
    void badValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GlobalValue.Scalar("x", 1));
        assertThrows(IllegalArgumentException.class, () -> entry(1L, 2.0));
    }
}
