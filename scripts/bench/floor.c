/*
 * The overhead floor: an empty BPF program ("r0 = 0; exit") attached to one tracepoint,
 * the same way both tracers attach (perf_event_open of the tracepoint, then SET_BPF and
 * ENABLE).  Nothing is counted or read, so what it costs per event is the price of
 * running any program there at all.
 *
 *   floor CATEGORY:NAME [CMD ARG...]     e.g. floor syscalls:sys_enter_close ./workload loop 5
 *
 * With CMD it runs CMD once attached (as a tracer's -c does), detaches when CMD ends and
 * exits with its status.  Without, it prints "ready" once attached and detaches on SIGINT
 * or SIGTERM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig) {
    (void)sig;
    stop = 1;
}

static long tracepoint_id(const char *spec) {
    static const char *roots[] = {"/sys/kernel/tracing/events", "/sys/kernel/debug/tracing/events"};
    char path[512], name[256];
    snprintf(name, sizeof name, "%s", spec);
    char *colon = strchr(name, ':');
    if (!colon)
        return -1;
    *colon = '/';
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
        snprintf(path, sizeof path, "%s/%s/id", roots[i], name);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        long id = -1;
        if (fscanf(f, "%ld", &id) != 1)
            id = -1;
        fclose(f);
        return id;
    }
    return -1;
}

static int load_empty_program(void) {
    struct bpf_insn insns[] = {
        {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
        {.code = BPF_JMP | BPF_EXIT},
    };
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.prog_type = BPF_PROG_TYPE_TRACEPOINT;
    attr.insn_cnt = sizeof insns / sizeof insns[0];
    attr.insns = (unsigned long)insns;
    attr.license = (unsigned long)"GPL";
    strncpy(attr.prog_name, "bench_floor", sizeof attr.prog_name - 1);
    return (int)syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof attr);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: floor CATEGORY:NAME [CMD ARG...]\n");
        return 2;
    }
    long id = tracepoint_id(argv[1]);
    if (id < 0) {
        fprintf(stderr, "floor: no tracepoint %s (is tracefs mounted?)\n", argv[1]);
        return 1;
    }
    int prog = load_empty_program();
    if (prog < 0) {
        fprintf(stderr, "floor: BPF_PROG_LOAD: %s\n", strerror(errno));
        return 1;
    }
    struct perf_event_attr pa;
    memset(&pa, 0, sizeof pa);
    pa.type = PERF_TYPE_TRACEPOINT;
    pa.size = sizeof pa;
    pa.config = (unsigned long long)id;
    pa.sample_period = 1;
    pa.wakeup_events = 1;
    /* A BPF program on a tracepoint runs on every CPU whichever CPU the event is opened on. */
    int pfd = (int)syscall(SYS_perf_event_open, &pa, -1, 0, -1, PERF_FLAG_FD_CLOEXEC);
    if (pfd < 0) {
        fprintf(stderr, "floor: perf_event_open: %s\n", strerror(errno));
        return 1;
    }
    if (ioctl(pfd, PERF_EVENT_IOC_SET_BPF, prog) || ioctl(pfd, PERF_EVENT_IOC_ENABLE, 0)) {
        fprintf(stderr, "floor: attach: %s\n", strerror(errno));
        return 1;
    }
    if (argc > 2) {
        int status = 1;
        pid_t child = fork();
        if (child == 0) {
            execvp(argv[2], argv + 2);
            fprintf(stderr, "floor: %s: %s\n", argv[2], strerror(errno));
            _exit(127);
        }
        if (child < 0 || waitpid(child, &status, 0) < 0)
            perror("floor: running the command");
        close(pfd);
        close(prog);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    printf("ready\n");
    fflush(stdout);
    while (!stop)
        pause();
    close(pfd);
    close(prog);
    return 0;
}
