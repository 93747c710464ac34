"""Drives the jstap REPL on a pseudo-terminal, as a user at a terminal would, and times
how long after Enter the answer appears."""

import fcntl
import os
import re
import select
import struct
import termios
import time

from . import procs

PROMPT = re.compile(r"stap> ")
ATTACHED = re.compile(r"\battached\b")
SNIPPET_ID = re.compile(r"#(\d+)")
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\r")


def clean(raw):
    """Terminal output without colour and cursor sequences."""
    return _ESCAPES.sub("", raw.decode("utf-8", "replace"))


class ReplGone(Exception):
    """The REPL ended or did not answer; the message is what a reader should see."""


def _controlling_tty():
    # Runs in the child after setsid(): make the pty its terminal, as a login shell's is.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Repl:
    def __init__(self, argv, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
        env = dict(env)
        env["TERM"] = "dumb"  # no colour or cursor movement to wade through
        self.proc = procs.spawn(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                preexec_fn=_controlling_tty)
        os.close(slave)
        self.master = master
        self.buf = bytearray()

    def close(self):
        try:
            procs.stop(self.proc, grace=30)
        finally:
            os.close(self.master)

    def _read(self, timeout):
        """Appends what arrives within timeout; returns False once the REPL is gone."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the other side closed
            return False
        if not chunk:
            return False
        self.buf.extend(chunk)
        return True

    def tail_text(self, start, limit=300):
        text = clean(bytes(self.buf[start:])).strip()
        return text[-limit:]

    def expect(self, pattern, start, timeout):
        """Waits for pattern in the output after byte offset start; returns (time seen,
        cleaned text from start to the end of the match)."""
        deadline = time.monotonic() + timeout
        while True:
            text = clean(bytes(self.buf[start:]))
            m = pattern.search(text)
            if m:
                return time.monotonic(), text[:m.end()]
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReplGone("no %r within %.0f s; last output: %s"
                               % (pattern.pattern, timeout, self.tail_text(start) or "(none)"))
            if not self._read(min(left, 0.5)):
                raise ReplGone("the REPL ended: %s" % (first_line(self.tail_text(start, 2000))
                                                        or "exit code %s" % self.proc.poll()))

    def type_line(self, line):
        """Types line, then presses Enter; returns (time of Enter, output offset then)."""
        os.write(self.master, line.encode())
        time.sleep(0.05)  # let the line editor take the keys in before Enter
        self._drain()
        start = len(self.buf)
        t0 = time.monotonic()
        os.write(self.master, b"\r")
        return t0, start

    def _drain(self):
        while True:
            ready, _, _ = select.select([self.master], [], [], 0)
            if not ready or not self._read(0):
                return

    def command(self, line, until=PROMPT, timeout=30.0):
        """Enter line; waits for until (then the prompt); returns (seconds, answer text)."""
        t0, start = self.type_line(line)
        t1, text = self.expect(until, start, timeout)
        if until is not PROMPT:
            self.expect_prompt_after(until, start, timeout)
        return t1 - t0, text

    def expect_prompt_after(self, pattern, start, timeout):
        """The prompt that follows pattern's first match."""
        both = re.compile("(?:%s)[\\s\\S]*?%s" % (pattern.pattern, PROMPT.pattern))
        self.expect(both, start, timeout)

    def count_lines_then_prompt(self, start, lines, timeout):
        """Waits until at least lines newlines followed by a prompt have come after start;
        returns (time the prompt came, newlines counted). Counting bytes keeps a
        100,000-line answer cheap to follow."""
        deadline = time.monotonic() + timeout
        seen = 0
        scanned = start
        while True:
            seen += self.buf.count(b"\n", scanned)
            scanned = len(self.buf)
            if seen >= lines:
                last_nl = self.buf.rfind(b"\n")
                if PROMPT.search(clean(bytes(self.buf[last_nl + 1:]))):
                    return time.monotonic(), seen
            left = deadline - time.monotonic()
            if left <= 0:
                raise ReplGone("%d of %d lines within %.0f s" % (seen, lines, timeout))
            if not self._read(min(left, 0.5)):
                raise ReplGone("the REPL ended after %d lines" % seen)


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:160]
    return None
