package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine around jstap is not as it expects: tracefs unmounted (in a private mount namespace, so the
 * machine is untouched: jstap mounts it again where it belongs) and no privileges (an unprivileged uid,
 * for the CLI and the REPL: one message naming what is needed, no stack trace, nothing loaded).
 */
@Tag("kernel")
class EnvironmentFaultsKernelTest {

    static final Duration LIMIT = Duration.ofSeconds(60);
    static final String SCRIPT = "global n; probe kernel.trace(\"syscalls:sys_enter_getppid\") { n++ } "
            + "probe timer.ms(50) { exit() } probe end { printf(\"ran %d\\n\", n >= 0) }";
    static final String NO_PRIVILEGES = "ERROR: running probes needs root, or the capabilities CAP_BPF and "
            + "CAP_PERFMON; this process (uid 65534) lacks CAP_BPF and CAP_PERFMON. Run jstap as root (sudo jstap "
            + "...) or grant them: setcap cap_bpf,cap_perfmon+ep on the java binary\n";

    private static Path publicRoot;
    private static String publicCp;

    @TempDir
    Path dir;

    @Test
    void tracefsUnmountedIsMountedAgainAndTheRunWorks() throws Exception {
        List<String> unmounted = List.of("unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
                "umount /sys/kernel/debug/tracing 2>/dev/null; umount /sys/kernel/tracing 2>/dev/null; "
                        + "test -d /sys/kernel/tracing/events && { echo tracefs still mounted >&2; exit 99; }; "
                        + "exec \"$@\"", "sh");
        try (ChildCli c = ChildCli.start(dir, unmounted, System.getProperty("java.class.path"),
                List.of("-e", SCRIPT), ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()), Map.of())) {
            assertEquals(0, c.await(LIMIT), c.stderr());
            assertEquals("ran 1\n", c.stdout());
            assertEquals("", c.stderr());
        }
        assertTrue(Files.isDirectory(Path.of("/sys/kernel/tracing/events")), "tracefs outside the namespace");
    }

    @Test
    void withoutPrivilegesTheCliSaysWhichCapabilitiesItNeeds() throws Exception {
        String cp = publicClassPath();
        for (List<String> args : List.of(List.of("-e", SCRIPT), List.of("-p4", "-e", SCRIPT),
                List.of("-e", "probe begin { printf(\"begin\\n\"); exit() }"))) {
            try (ChildCli c = ChildCli.start(dir, unprivileged(), cp, args,
                    ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()), Map.of())) {
                assertEquals(1, c.await(LIMIT), c.stderr());
                assertEquals("", c.stdout());
                assertEquals(NO_PRIVILEGES, c.stderr(), String.join(" ", args));
            }
        }
    }

    /** Passes 1-3 need nothing from the kernel's BPF side: an unprivileged user may check a script. */
    @Test
    void withoutPrivilegesCheckingAScriptStillWorks() throws Exception {
        try (ChildCli c = ChildCli.start(dir, unprivileged(), publicClassPath(), List.of("-p1", "-e", SCRIPT),
                ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()), Map.of())) {
            assertEquals(0, c.await(LIMIT), c.stderr());
            assertTrue(c.stdout().startsWith("# parse tree dump\n"), c.stdout());
        }
    }

    @Test
    void withoutPrivilegesTheReplSaysSoAndEnds() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        try (ChildCli c = ChildCli.start(dir, unprivileged(), publicClassPath(), List.of(),
                ProcessBuilder.Redirect.PIPE, Map.of("HOME", home.toString()))) {
            assertEquals(1, c.await(LIMIT), c.stderr());
            assertEquals(NO_PRIVILEGES, c.stderr());
            assertFalse(InProcessCli.STACK_TRACE.matcher(c.stdout()).find(), c.stdout());
        }
    }

    private static List<String> unprivileged() {
        return List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    }

    /**
     * The test class path copied where uid 65534 can read it (build directories and the local Maven
     * repository usually are not): one world-readable directory per run.
     */
    private static synchronized String publicClassPath() throws IOException {
        if (publicCp != null) {
            return publicCp;
        }
        Path root = Files.createTempDirectory(Path.of("/tmp"), "jstap-cp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        publicRoot = root;
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(":")) {
            Path from = Path.of(e);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = root.resolve(i++ + "-" + from.getFileName());
            copy(from, to);
            entries.add(to.toString());
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(EnvironmentFaultsKernelTest::makePublic);
        }
        publicCp = String.join(":", entries);
        return publicCp;
    }

    @AfterAll
    static void removePublicClassPath() throws IOException {
        if (publicRoot != null) {
            try (Stream<Path> all = Files.walk(publicRoot)) {
                for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void makePublic(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                    : "rw-r--r--"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
