/*
 * Syscall workload for the benchmark suite.
 *
 *   workload loop N [--threads T] [--syscall close|getppid] [--fd-base B] [--fd-span K]
 *       T processes (one per CPU, pinned), each making N syscalls; prints one line
 *       "ns_per_op=<mean> ops=<N*T> per_proc=<a,b,...> start_real_ns=<t> cpu_ns_per_op=<c>"
 *       with the loop alone timed by CLOCK_MONOTONIC, t the CLOCK_REALTIME when the first
 *       loop began (comparable with a file's modification time) and c the loop's own CPU
 *       time per call (CLOCK_THREAD_CPUTIME_ID), mean over the copies.
 *   workload keys N [--fd-base B]
 *       close(B + i) for i in [0, N): N distinct values of sys_enter_close's fd, to fill
 *       a map with N keys.
 *
 * close() of a descriptor past the table fails with EBADF after a bounds check, so it
 * costs about as little as getppid() while carrying an argument (fd) that a probe can
 * aggregate; every overhead row uses the same syscall so rows compare.  Copies run as
 * processes rather than threads so they share no file table (close() locks it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The name probes and the output filter see as execname()/comm. */
#define COMM "bench-workload"
/* Above the default nr_open (1048576), so every close() is EBADF. */
#define DEFAULT_FD_BASE 2000000L
#define MAX_PROCS 256

enum call { CALL_CLOSE, CALL_GETPPID };

struct options {
    long n;
    int threads;
    enum call call;
    long fd_base;
    long fd_span;
};

static void usage(void) {
    fprintf(stderr,
            "usage: workload loop N [--threads T] [--syscall close|getppid] [--fd-base B] [--fd-span K]\n"
            "       workload keys N [--fd-base B]\n");
    exit(2);
}

static long parse_long(const char *s, const char *what) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 0) {
        fprintf(stderr, "workload: bad %s: %s\n", what, s);
        exit(2);
    }
    return v;
}

static uint64_t clock_ns(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t now_ns(void) {
    return clock_ns(CLOCK_MONOTONIC);
}

/* What one copy reports to the parent. */
struct result {
    uint64_t start_real_ns;
    uint64_t elapsed_ns;
    uint64_t cpu_ns;
};

/* The timed loop; returns elapsed nanoseconds and sets *cpu_ns to the CPU time the loop
 * used (user and kernel, probes included), which other tenants of the CPU do not inflate. */
static uint64_t run_loop(const struct options *o, uint64_t *cpu_ns) {
    uint64_t c0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
    uint64_t t0 = now_ns();
    if (o->call == CALL_GETPPID) {
        for (long i = 0; i < o->n; i++)
            syscall(SYS_getppid);
    } else {
        /* fd_span is a power of two, so the mask keeps the loop body a few instructions. */
        long mask = o->fd_span - 1;
        for (long i = 0; i < o->n; i++)
            syscall(SYS_close, (int)(o->fd_base + (i & mask)));
    }
    uint64_t elapsed = now_ns() - t0;
    *cpu_ns = clock_ns(CLOCK_THREAD_CPUTIME_ID) - c0;
    return elapsed;
}

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        perror("workload: sched_setaffinity");
}

/* Forks one pinned child per copy; all wait on a pipe so their loops start together. */
static int loop_mode(const struct options *o) {
    int ncpu = (int)sysconf(_SC_NPROCESSORS_ONLN);
    int go[2], results[2];
    if (pipe(go) || pipe(results)) {
        perror("workload: pipe");
        return 1;
    }
    pid_t pids[MAX_PROCS];
    for (int t = 0; t < o->threads; t++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("workload: fork");
            return 1;
        }
        if (pid == 0) {
            close(go[1]);
            close(results[0]);
            pin(t % ncpu);
            char c;
            if (read(go[0], &c, 1) < 0) /* returns 0 when the parent closes the pipe */
                _exit(1);
            struct result r;
            r.start_real_ns = clock_ns(CLOCK_REALTIME);
            r.elapsed_ns = run_loop(o, &r.cpu_ns);
            if (write(results[1], &r, sizeof r) != sizeof r)
                _exit(1);
            _exit(0);
        }
        pids[t] = pid;
    }
    close(go[0]);
    close(results[1]);
    close(go[1]); /* release every child at once */

    double sum = 0, cpu_sum = 0;
    uint64_t first_start = UINT64_MAX;
    char per[MAX_PROCS * 24] = "";
    size_t len = 0;
    for (int t = 0; t < o->threads; t++) {
        struct result r;
        if (read(results[0], &r, sizeof r) != sizeof r) {
            fprintf(stderr, "workload: a child failed\n");
            return 1;
        }
        if (r.start_real_ns < first_start)
            first_start = r.start_real_ns;
        double per_op = (double)r.elapsed_ns / (double)o->n;
        sum += per_op;
        cpu_sum += (double)r.cpu_ns / (double)o->n;
        len += (size_t)snprintf(per + len, sizeof per - len, "%s%.2f", t ? "," : "", per_op);
    }
    int status, failed = 0;
    for (int t = 0; t < o->threads; t++) {
        if (waitpid(pids[t], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
            failed = 1;
    }
    if (failed) {
        fprintf(stderr, "workload: a child failed\n");
        return 1;
    }
    printf("ns_per_op=%.2f ops=%ld per_proc=%s start_real_ns=%llu cpu_ns_per_op=%.2f\n",
           sum / o->threads, o->n * o->threads, per, (unsigned long long)first_start,
           cpu_sum / o->threads);
    return 0;
}

static int keys_mode(const struct options *o) {
    uint64_t t0 = now_ns();
    for (long i = 0; i < o->n; i++)
        syscall(SYS_close, (int)(o->fd_base + i));
    printf("keys=%ld ns=%llu\n", o->n, (unsigned long long)(now_ns() - t0));
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3)
        usage();
    struct options o = {.threads = 1, .call = CALL_CLOSE, .fd_base = DEFAULT_FD_BASE, .fd_span = 256};
    o.n = parse_long(argv[2], "count");
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "--threads"))
            o.threads = (int)parse_long(v, "thread count");
        else if (!strcmp(a, "--fd-base"))
            o.fd_base = parse_long(v, "fd base");
        else if (!strcmp(a, "--fd-span"))
            o.fd_span = parse_long(v, "fd span");
        else if (!strcmp(a, "--syscall")) {
            if (!strcmp(v, "close"))
                o.call = CALL_CLOSE;
            else if (!strcmp(v, "getppid"))
                o.call = CALL_GETPPID;
            else
                usage();
        } else
            usage();
    }
    if (o.threads < 1 || o.threads > MAX_PROCS || o.fd_span < 1 || (o.fd_span & (o.fd_span - 1))) {
        fprintf(stderr, "workload: threads must be 1..%d and fd-span a power of two\n", MAX_PROCS);
        return 2;
    }
    if (o.fd_base + o.n > 0x7fffffffL || o.fd_base + o.fd_span > 0x7fffffffL) {
        fprintf(stderr, "workload: fd values must stay below 2^31\n");
        return 2;
    }
    prctl(PR_SET_NAME, COMM, 0, 0, 0);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(argv[1], "loop"))
        return loop_mode(&o);
    if (!strcmp(argv[1], "keys"))
        return keys_mode(&o);
    usage();
    return 2;
}
