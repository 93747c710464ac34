package io.jstap.compiler.tapset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.ElabOptions;
import io.jstap.compiler.sema.Pipeline;
import io.jstap.compiler.sema.TestCatalog;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyscallTapsetTest {
    private static final ProbeCatalog SMALL = TestCatalog.create();

    private static String text(List<Decl.ProbeAlias> aliases) {
        return aliases.get(0).span().source().text();
    }

    @Test
    void readBecomesAnEntryAndAReturnAlias() {
        List<Decl.ProbeAlias> read = SyscallTapset.generate(SMALL, "read");
        assertEquals(2, read.size());
        assertEquals("probe syscall.read = nd_syscall.read = kernel.trace(\"syscalls:sys_enter_read\") {\n"
                + "  name = \"read\"\n"
                + "  fd = __int32($fd)\n"
                + "  buf_uaddr = $buf\n"
                + "  count = $count\n"
                + "  argstr = sprintf(\"%d, 0x%x, %d\", fd, buf_uaddr, count)\n"
                + "}\n"
                + "probe syscall.read.return = nd_syscall.read.return = kernel.trace(\"syscalls:sys_exit_read\") {\n"
                + "  name = \"read\"\n"
                + "  retval = $return\n"
                + "  retstr = return_str(1, $return)\n"
                + "}\n", text(read));
        assertEquals("<tapset>/syscall.read.stp", read.get(0).span().source().name());
    }

    @Test
    void theGeneratedTextParsesToTheSameDeclarations() {
        for (String sys : List.of("read", "openat", "execve", "getxattr", "newfstat", "getppid")) {
            List<Decl.ProbeAlias> aliases = SyscallTapset.generate(SMALL, sys);
            ParseResult r = Parser.parse(new Source("again.stp", text(aliases)), PreprocessorContext.defaults());
            assertEquals("", r.diagnostics().render());
            assertEquals(aliases, r.script().decls(), sys);
        }
    }

    @Test
    void spansPointIntoTheGeneratedText() {
        Decl.ProbeAlias openat = SyscallTapset.generate(SMALL, "openat").get(0);
        var stmt = openat.body().stmts().get(2);
        assertEquals(4, stmt.span().line());
        assertEquals("  filename = user_string_quoted($filename)", stmt.span().source().line(4));
        assertEquals(3, stmt.span().col());
    }

    @Test
    void stringsPointersAndNarrowIntegers() {
        String getxattr = text(SyscallTapset.generate(SMALL, "getxattr"));
        assertTrue(getxattr.contains("  pathname = user_string_quoted($pathname)\n"), getxattr);
        assertTrue(getxattr.contains("  name_str = user_string_quoted($name)\n"), getxattr);
        assertTrue(getxattr.contains("  value_uaddr = $value\n"), getxattr);
        String openat = text(SyscallTapset.generate(SMALL, "openat"));
        assertTrue(openat.contains("  dfd = __int32($dfd)\n  filename = user_string_quoted($filename)\n"
                + "  flags = __int32($flags)\n  mode = __uint32($mode)\n"), openat);
        assertTrue(openat.contains("argstr = sprintf(\"%d, %s, %d, %#o\", dfd, filename, flags, mode)"), openat);
    }

    @Test
    void stapNamesAreSynonyms() {
        Decl.ProbeAlias fstat = SyscallTapset.generate(SMALL, "newfstat").get(0);
        assertEquals(List.of("syscall.fstat", "nd_syscall.fstat", "syscall.newfstat", "nd_syscall.newfstat"),
                fstat.names().stream().map(TapsetLibrary::dotted).collect(Collectors.toList()));
        assertTrue(text(List.of(fstat)).contains("name = \"fstat\""));
    }

    @Test
    void everySyscallOfARealKernelGetsAliasesThatTypeCheck() {
        ProbeCatalog full = TestCatalog.full();
        List<Decl.ProbeAlias> all = SyscallTapset.generate(full);
        int exits = (int) full.tracepoints().stream().filter(t -> t.startsWith("syscalls:sys_exit_")).count();
        assertTrue(full.syscalls().size() > 300);
        assertEquals(full.syscalls().size() + exits, all.size());
        Pipeline.Result r = Pipeline.elaborate(List.of(new Source("all.stp",
                "global sizes\n"
                + "probe syscall.* { sizes[name] <<< strlen(argstr) }\n"
                + "probe syscall.*.return { sizes[name] <<< retval; print(retstr) }\n")), ElabOptions.defaults(), full);
        assertEquals("", r.diagnostics().render());
        assertEquals(full.syscalls().size() + exits, r.program().probes().size());
    }
}
