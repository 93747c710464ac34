package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.module.Module;
import io.jstap.linux.Tracefs;
import io.jstap.runtime.output.RecordingOutput;
import io.jstap.runtime.session.KernelFds;
import io.jstap.runtime.session.RunOptions;
import io.jstap.runtime.session.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A tracepoint that exists when the script is compiled and is gone when the run attaches: a dynamic
 * event made through tracefs's uprobe_events ({@code uprobes:jstap_test_PID}), removed in between. The run
 * must fail with a message naming the probe and the event, leave nothing loaded and run no end probe
 * (stap stops before running when a probe cannot be registered).
 */
@Tag("kernel")
class VanishingTracepointKernelTest {

    private final String event = "jstap_test_" + Scripts.self();
    private Path tracefs;

    @BeforeEach
    void makeEvent() throws IOException {
        assertEquals(List.of(), KernelFds.ofSelf());
        tracefs = Tracefs.locate().orElseThrow(() -> new AssertionError("tracefs is not mounted"));
        // any file offset in an existing binary does: the event is never attached
        defineEvents("p:uprobes/" + event + " /bin/sh:0x1000\n");
        assertTrue(Files.isDirectory(eventDir()), "the event was not created");
    }

    @AfterEach
    void removeEvent() throws IOException {
        if (Files.exists(eventDir())) {
            defineEvents("-:uprobes/" + event + "\n");
        }
        assertEquals(List.of(), KernelFds.ofSelf(), "bpf or perf fds held by the test JVM");
    }

    private Path eventDir() {
        return tracefs.resolve("events/uprobes").resolve(event);
    }

    private void defineEvents(String line) throws IOException {
        Files.writeString(tracefs.resolve("uprobe_events"), line, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Test
    void aTracepointRemovedBetweenCompileAndAttachIsAClearErrorAndNothingStaysLoaded() throws IOException {
        String s = "probe begin { printf(\"begin\\n\") } probe kernel.trace(\"uprobes:" + event + "\") { } "
                + "probe end { printf(\"end\\n\") }";
        Module m = Scripts.compile(s);
        defineEvents("-:uprobes/" + event + "\n");
        assertFalse(Files.exists(eventDir()));
        RecordingOutput out = new RecordingOutput();
        assertEquals(1, ScriptRun.run(m, RunOptions.defaults().withTimeout(10.0), out));
        String point = "uprobes:" + event;
        assertEquals("begin\nERROR: probe kernel.trace(\"" + point + "\") at <input>:1:"
                + Scripts.col(s, "probe kernel.trace") + ": cannot attach tracepoint " + point + ": no tracepoint "
                + point + " on this kernel (" + eventDir().resolve("id") + " is missing) (ENOENT)\n", out.text());
    }
}
