package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiveSessionKernelTest extends LiveKernelTest {

    @Test
    void smoke() {
        List<SnippetEvent> e = session.eval("global calls");
        System.err.println(e);
        e = session.eval("probe syscall.getppid { if (pid() == " + tgid() + ") calls++ }");
        System.err.println(e);
        getppid(100);
        System.err.println(session.eval("calls"));
        System.err.println(session.eval("1+2"));
        System.err.println(session.eval("printf(\"x=%d\\n\", calls)"));
        System.err.println(out.text());
    }
}
