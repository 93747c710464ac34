package io.jstap.runtime.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jstap.compiler.format.GlobalValue;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextOutputTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final TextOutput out = new TextOutput(stdout, false,
            new PrintStream(stderr, true, StandardCharsets.UTF_8));

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textIsBufferedUntilFlushAndMessagesFlushItFirst() {
        StringBuilder reused = new StringBuilder("héllo ");
        out.print(reused);
        reused.setLength(0);
        reused.append("wörld\n");
        out.print(reused);
        assertEquals("", stdout());
        out.warning("careful");
        assertEquals("héllo wörld\n", stdout());
        out.error("division by 0 near operator '/' at t.stp:1:5");
        assertEquals("WARNING: careful\nERROR: division by 0 near operator '/' at t.stp:1:5\n",
                stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void globalsUseStapsEndOfRunFormatAndLostRecordsItsTransportWording() {
        Stats s = new Stats(HistogramSpec.NONE, 0);
        s.add(3);
        out.globals(List.of(new GlobalValue.Scalar("count", 5L),
                new GlobalValue.Array("hits", List.of(new GlobalValue.Entry(List.of("a", 1L), 2L),
                        new GlobalValue.Entry(List.of("b", 2L), 9L))),
                new GlobalValue.Scalar("lat", s)));
        out.lost(0);
        out.lost(12);
        out.flush();
        assertEquals("count=5\nhits[\"b\",2]=9\nhits[\"a\",1]=2\nlat @count=1 @min=3 @max=3 @sum=3 @avg=3\n", stdout());
        assertEquals("WARNING: There were 12 transport failures.\n", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anOutputFileIsTruncatedAndClosed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old content that is longer\n");
        TextOutput o = TextOutput.toFile(f, new PrintStream(stderr, true, StandardCharsets.UTF_8));
        o.print("new\n");
        o.close();
        assertEquals("new\n", Files.readString(f));
    }

    @Test
    void anUnwritableFileIsAClearError(@TempDir Path dir) {
        Path f = dir.resolve("missing-dir").resolve("out.txt");
        OutputException e = assertThrows(OutputException.class, () -> Outputs.open(OutputFormat.TEXT, f));
        assertEquals("cannot open output file " + f + ": No such file or directory", e.getMessage());
    }
}
