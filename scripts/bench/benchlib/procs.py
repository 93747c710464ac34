"""Child processes of the suite: each in its own process group, recorded so that nothing
the suite started outlives it (tracers must not stay attached)."""

import os
import signal
import subprocess
import threading
import time

_children = []
_lock = threading.Lock()
_pid_file = None


def set_pid_file(path):
    """Process groups are also appended here, so the shell wrapper can kill them if this
    interpreter itself is killed."""
    global _pid_file
    _pid_file = path


def spawn(argv, **kwargs):
    """Popen in a new session (so a signal reaches the whole group) and remembered."""
    proc = subprocess.Popen(argv, start_new_session=True, **kwargs)
    with _lock:
        _children.append(proc)
    if _pid_file:
        with open(_pid_file, "a") as f:
            f.write("%d\n" % proc.pid)
    return proc


def signal_group(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def stop(proc, grace=60.0):
    """SIGINT (the tracers' normal way to end), then SIGTERM and SIGKILL if it lingers.
    Returns the exit code. A tracer with hundreds of probes can take many seconds to
    detach, hence the long grace."""
    if proc.poll() is None:
        signal_group(proc, signal.SIGINT)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            signal_group(proc, signal.SIGTERM)
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                signal_group(proc, signal.SIGKILL)
                proc.wait()
    # Whatever the leader left behind in its group goes too.
    signal_group(proc, signal.SIGKILL)
    return proc.returncode


def kill_all():
    """Ends every child still running: SIGINT first so tracers detach cleanly."""
    with _lock:
        alive = [p for p in _children if p.poll() is None]
    for p in alive:
        signal_group(p, signal.SIGINT)
    deadline = time.monotonic() + 30
    for p in alive:
        try:
            p.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for p in alive:
        signal_group(p, signal.SIGKILL)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            pass


def still_running():
    with _lock:
        return [p.pid for p in _children if p.poll() is None]


class LineCollector(threading.Thread):
    """Reads a pipe to its end so the child never blocks on a full pipe, keeping each
    line with the monotonic time it arrived."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines = []
        self.cond = threading.Condition()
        self.closed = False

    def run(self):
        for raw in iter(self.stream.readline, b""):
            with self.cond:
                self.lines.append((time.monotonic(), raw.decode("utf-8", "replace").rstrip("\n")))
                self.cond.notify_all()
        with self.cond:
            self.closed = True
            self.cond.notify_all()

    def wait_for(self, predicate, timeout):
        """The (time, line) of the first line satisfying predicate, or None on timeout or
        end of stream."""
        deadline = time.monotonic() + timeout
        checked = 0
        with self.cond:
            while True:
                for i in range(checked, len(self.lines)):
                    if predicate(self.lines[i][1]):
                        return self.lines[i]
                checked = len(self.lines)
                left = deadline - time.monotonic()
                if self.closed or left <= 0:
                    return None
                self.cond.wait(min(left, 0.5))

    def text(self):
        with self.cond:
            return "\n".join(line for _, line in self.lines)


class ByteCollector(threading.Thread):
    """Reads a pipe in large chunks, counting lines, for outputs too long to split into
    strings as they come (a 100,000-key map)."""

    def __init__(self, stream, marker=None):
        super().__init__(daemon=True)
        self.fd = stream.fileno()
        self.marker = marker
        self.data = bytearray()
        self.marker_seen = threading.Event()
        self.done = threading.Event()

    def run(self):
        while True:
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                break
            self.data.extend(chunk)
            if self.marker and not self.marker_seen.is_set() and self.marker in self.data:
                self.marker_seen.set()
        self.done.set()
        self.marker_seen.set()  # wake a waiter; it checks the data itself

    def has_marker(self):
        return self.marker in self.data
