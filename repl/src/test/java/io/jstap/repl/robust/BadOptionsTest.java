package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command lines a user gets wrong: each ends with exit code 1 and exactly the one-line message stap's user
 * would need (the first line of stderr), no stack trace, and nothing loaded (all fail before pass 5 loads).
 */
class BadOptionsTest {

    static final String S = "probe begin { exit() }";

    @TempDir
    static Path dir;

    record Case(String message, List<String> args) {
    }

    static Case c(String message, String... args) {
        return new Case(message, List.of(args));
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(c("jstap: cannot open script file '/no/such/script.stp': No such file or directory", "/no/such/script.stp"));
        c.add(c("jstap: script file '" + dir + "' is a directory", dir.toString()));
        c.add(c("jstap: script file '/dev/zero' is larger than 64 MiB", "/dev/zero"));
        c.add(c("jstap: Missing required parameter for option '-e' (SCRIPT)", "-e"));
        c.add(c("jstap: option '-e' (SCRIPT) should be specified only once", "-e", S, "-e", S));
        c.add(c("jstap: Unknown option: '--bogus'", "--bogus", "-e", S));
        c.add(c("jstap: Unknown option: '-g'", "-g", "-e", S));
        c.add(c("jstap: -l and -L cannot be given together", "-l", "x", "-L", "y"));
        // -D
        c.add(c("jstap: Expected parameter for option '-D' but found '-e'", "-D", "-e", S));
        c.add(c("jstap: -D '=5': expected NAME=VALUE with NAME a C identifier", "-D", "=5", "-e", S));
        c.add(c("jstap: -D '9X=1': expected NAME=VALUE with NAME a C identifier", "-D", "9X=1", "-e", S));
        c.add(c("jstap: -D 'A B=1': expected NAME=VALUE with NAME a C identifier", "-D", "A B=1", "-e", S));
        c.add(c("jstap: -D MAXMAPENTRIES=abc: not a number", "-D", "MAXMAPENTRIES=abc", "-e", S));
        c.add(c("jstap: -D MAXMAPENTRIES=: not a number", "-D", "MAXMAPENTRIES=", "-e", S));
        c.add(c("jstap: -D MAXMAPENTRIES=0: must be between 1 and 16777216", "-D", "MAXMAPENTRIES=0", "-e", S));
        c.add(c("jstap: -D MAXMAPENTRIES=-5: must be between 1 and 16777216", "-D", "MAXMAPENTRIES=-5", "-e", S));
        c.add(c("jstap: -D MAXMAPENTRIES=99999999999999999999: not a number", "-D", "MAXMAPENTRIES=99999999999999999999",
                "-e", S));
        c.add(c("jstap: -D MAXSTRINGLEN=1: must be between 2 and 4096", "-D", "MAXSTRINGLEN=1", "-e", S));
        c.add(c("jstap: -D MAXSTRINGLEN=100000000: must be between 2 and 4096", "-D", "MAXSTRINGLEN=100000000", "-e", S));
        c.add(c("jstap: -D MAXACTION=0: must be between 1 and 1099511627776", "-D", "MAXACTION=0", "-e", S));
        c.add(c("jstap: -D MAXNESTING=-1: must be between 1 and 1000", "-D", "MAXNESTING=-1", "-e", S));
        c.add(c("jstap: -D MAXERRORS=x: not a number", "-D", "MAXERRORS=x", "-e", S));
        c.add(c("jstap: MAXERRORS must not be negative, got -1", "-D", "MAXERRORS=-1", "-e", S));
        // -p
        c.add(c("jstap: invalid pass number 0 (1-5)", "-p", "0", "-e", S));
        c.add(c("jstap: invalid pass number 6 (1-5)", "-p6", "-e", S));
        c.add(c("jstap: invalid pass number -1 (1-5)", "-p", "-1", "-e", S));
        c.add(c("jstap: Invalid value for option '-p': 'x' is not an int", "-p", "x", "-e", S));
        c.add(c("jstap: Invalid value for option '-p': '99999999999' is not an int", "-p", "99999999999", "-e", S));
        c.add(c("jstap: Expected parameter for option '-p' but found '-e'", "-p", "-e", S));
        // -c, -x, -T, -o
        c.add(c("jstap: You can't specify -c and -x options together.", "-c", "true", "-x", "1", "-e", S));
        c.add(c("jstap: empty -c COMMAND", "-c", "", "-e", S));
        c.add(c("ERROR: -c command 'nosuchcommand-xyz': nosuchcommand-xyz: command not found", "-c",
                "nosuchcommand-xyz", "-e", S));
        c.add(c("ERROR: -c command '/no/such/program': /no/such/program: No such file or directory", "-c",
                "/no/such/program", "-e", S));
        c.add(c("ERROR: -c command '/etc/passwd -x': /etc/passwd: Permission denied", "-c", "/etc/passwd -x", "-e", S));
        c.add(c("ERROR: -c command '" + dir + "': " + dir + ": Permission denied", "-c", dir.toString(), "-e", S));
        c.add(c("jstap: -x takes a process id, not 0", "-x", "0", "-e", S));
        c.add(c("jstap: -x takes a process id, not -5", "-x", "-5", "-e", S));
        c.add(c("jstap: Invalid value for option '-x': 'abc' is not an int", "-x", "abc", "-e", S));
        c.add(c("jstap: -T takes a positive number of seconds, not 0.0", "-T", "0", "-e", S));
        c.add(c("jstap: -T takes a positive number of seconds, not -1.0", "-T", "-1", "-e", S));
        c.add(c("jstap: Invalid value for option '-T': 'soon' is not a double", "-T", "soon", "-e", S));
        c.add(c("jstap: -o needs a file name", "-o", "", "-e", S));
        c.add(c("ERROR: cannot open output file " + dir + ": Is a directory", "-o", dir.toString(), "-e", S));
        c.add(c("ERROR: cannot open output file /no/such/dir/out: No such file or directory", "-o", "/no/such/dir/out",
                "-e", S));
        c.add(c("semantic error: tapset directory /no/such/tapsets does not exist", "-I", "/no/such/tapsets", "-e", S));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> eachMistakeGetsItsMessageAndExitCodeOne() {
        return cases().stream().map(c -> DynamicTest.dynamicTest("jstap " + String.join(" ", InProcessCli.abbreviated(
                c.args().toArray(new String[0]))), () -> {
                    InProcessCli.Outcome o = InProcessCli.run(Duration.ofSeconds(30), c.args());
                    InProcessCli.assertNoStackTrace(o, c.args().toString());
                    assertEquals(1, o.status(), o.all());
                    assertEquals(c.message(), o.err().lines().findFirst().orElse(""), o.all());
                }));
    }
}
