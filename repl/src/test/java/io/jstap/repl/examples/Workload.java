package io.jstap.repl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.repl.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One C program that makes a known number of events of one kind, and the in-process CLI to trace it.
 * Usage: {@code work PIDFILE NAME MODE N SIZE LINGER_MS}. It writes its pid to PIDFILE, renames itself
 * to NAME (prctl, so its start-up under the name "work" is kept apart from the counted events), makes the
 * events, renames itself "idle" and lingers so that interval probes fire after the events.
 */
final class Workload {
    private static final String SOURCE = String.join("\n",
            "#define _GNU_SOURCE",
            "#include <fcntl.h>",
            "#include <signal.h>",
            "#include <stdio.h>",
            "#include <stdlib.h>",
            "#include <string.h>",
            "#include <time.h>",
            "#include <unistd.h>",
            "#include <netinet/in.h>",
            "#include <sys/mman.h>",
            "#include <sys/prctl.h>",
            "#include <sys/socket.h>",
            "#include <sys/syscall.h>",
            "static void nap(long ms) { struct timespec t = { ms / 1000, ms % 1000 * 1000000L }; nanosleep(&t, 0); }",
            "int main(int argc, char **argv) {",
            "  if (argc != 7) return 2;",
            "  FILE *f = fopen(argv[1], \"w\"); fprintf(f, \"%d\\n\", getpid()); fclose(f);",
            "  const char *mode = argv[3]; long n = atol(argv[4]), size = atol(argv[5]);",
            "  char *buf = calloc(1, size > 0 ? size : 1);",
            "  int fd = -1, s = -1, r = -1; struct sockaddr_in a; socklen_t al = sizeof a;",
            "  if (!strcmp(mode, \"read\")) fd = open(\"/dev/zero\", O_RDONLY);",
            "  if (!strcmp(mode, \"write\")) fd = open(\"/dev/null\", O_WRONLY);",
            "  if (!strcmp(mode, \"rw\")) { fd = open(\"/dev/zero\", O_RDONLY); r = open(\"/dev/null\", O_WRONLY); }",
            "  if (!strcmp(mode, \"signal\")) signal(SIGTERM, SIG_IGN);",
            "  if (!strcmp(mode, \"sock\")) {",
            "    r = socket(AF_INET, SOCK_DGRAM, 0); s = socket(AF_INET, SOCK_DGRAM, 0);",
            "    memset(&a, 0, sizeof a); a.sin_family = AF_INET; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);",
            "    bind(r, (struct sockaddr *) &a, sizeof a); getsockname(r, (struct sockaddr *) &a, &al);",
            "  }",
            "  char *pages = 0; long page = sysconf(_SC_PAGESIZE);",
            "  if (!strcmp(mode, \"fault\")) {",
            "    pages = mmap(0, n * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);",
            "    madvise(pages, n * page, MADV_NOHUGEPAGE);",
            "  }",
            "  prctl(PR_SET_NAME, argv[2]);",
            "  for (long i = 0; i < n; i++) {",
            "    if (!strcmp(mode, \"read\")) { if (read(fd, buf, size) != size) return 3; }",
            "    else if (!strcmp(mode, \"write\")) { if (write(fd, buf, size) != size) return 3; }",
            "    else if (!strcmp(mode, \"rw\")) { if (read(fd, buf, size) != size || write(r, buf, size) != size) return 3; }",
            "    else if (!strcmp(mode, \"sleep\")) nap(size);",
            "    else if (!strcmp(mode, \"signal\")) kill(getpid(), SIGTERM);",
            "    else if (!strcmp(mode, \"fault\")) pages[i * page] = 1;",
            "    else if (!strcmp(mode, \"getppid\")) syscall(SYS_getppid);",
            "    else if (!strcmp(mode, \"badclose\")) close(-1);",
            "    else if (!strcmp(mode, \"open\")) close(open(\"/dev/null\", O_RDONLY));",
            "    else if (!strcmp(mode, \"sock\")) {",
            "      if (sendto(s, buf, size, 0, (struct sockaddr *) &a, sizeof a) != size) return 3;",
            "      if (recvfrom(r, buf, size, 0, 0, 0) != size) return 3;",
            "    }",
            "    else if (!strcmp(mode, \"spin\")) { struct timespec t0, t; clock_gettime(CLOCK_MONOTONIC, &t0);",
            "      do clock_gettime(CLOCK_MONOTONIC, &t); while ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 < size); }",
            "    else return 2;",
            "  }",
            "  prctl(PR_SET_NAME, \"idle\");",
            "  nap(atol(argv[6]));",
            "  return 0;",
            "}",
            "");

    private final Path dir;
    private final Path exe;

    private Workload(Path dir, Path exe) {
        this.dir = dir;
        this.exe = exe;
    }

    /** Compiles the workload into {@code dir}. */
    static Workload build(Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("work.c");
        Files.writeString(src, SOURCE);
        Path exe = dir.resolve("work");
        Process cc = new ProcessBuilder("cc", "-O1", "-o", exe.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), out);
        return new Workload(dir, exe);
    }

    /** The -c command for one run; {@link Traced#pid()} reads the pid it wrote. */
    Traced command(String name, String mode, long n, long size, long lingerMs) {
        Path pidFile = dir.resolve(name + ".pid");
        return new Traced(exe + " " + pidFile + " " + name + " " + mode + " " + n + " " + size + " " + lingerMs,
                pidFile);
    }

    record Traced(String command, Path pidFile) {
        long pid() throws IOException {
            return Long.parseLong(Files.readString(pidFile).strip());
        }
    }

    record Run(int code, String out, String err) {
    }

    static Path example(String name) {
        return Path.of("..", "scripts", "examples", name);
    }

    static Run jstap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
