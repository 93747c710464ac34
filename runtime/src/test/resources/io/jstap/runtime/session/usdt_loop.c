/* Usage: usdt_loop N [PAUSE_US [wait]]. USDT probes written without sys/sdt.h: each site is a nop plus a .note.stapsdt note (type 3, owner
 * "stapsdt") holding the nop's address, the _.stapsdt.base address, the semaphore address and the
 * provider, name and argument strings; the argument operands are filled in by the compiler. */
#include <stdlib.h>
#include <unistd.h>

unsigned short jt_gated_semaphore __attribute__((section(".probes"), used));

#define JT_BASE \
  ".ifndef _.stapsdt.base\n" \
  ".pushsection .stapsdt.base,\"aG\",\"progbits\",.stapsdt.base,comdat\n" \
  ".weak _.stapsdt.base\n.hidden _.stapsdt.base\n_.stapsdt.base: .space 1\n.size _.stapsdt.base, 1\n" \
  ".popsection\n.endif\n"
#define JT_NOTE(name, sem, args) \
  "990: nop\n" \
  ".pushsection .note.stapsdt,\"?\",\"note\"\n.balign 4\n" \
  ".4byte 992f-991f, 994f-993f, 3\n991: .asciz \"stapsdt\"\n992: .balign 4\n" \
  "993: .8byte 990b\n.8byte _.stapsdt.base\n.8byte " sem "\n" \
  ".asciz \"jt\"\n.asciz \"" name "\"\n.asciz \"" args "\"\n994: .balign 4\n.popsection\n" JT_BASE

/* A function for process(...).function probes: called once per iteration. */
__attribute__((noinline)) int jt_work(int i) {
  __asm__ __volatile__("" ::: "memory");
  return i + 1;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 3;
  int pause_us = argc > 2 ? atoi(argv[2]) : 0;
  int total = 0;
  /* "wait": start only once a probe on "gated" is attached, which the kernel shows by setting its semaphore */
  if (argc > 3)
    while (!jt_gated_semaphore)
      usleep(1000);
  for (int i = 1; i <= n; i++) {
    volatile long big = (long) i * 10;
    __asm__ __volatile__(JT_NOTE("tick", "0", "-4@%0 8@%1 4@%2 -2@%3")
                         :: "r"(i), "m"(big), "i"(5), "r"((short) -i));
    if (jt_gated_semaphore)
      __asm__ __volatile__(JT_NOTE("gated", "jt_gated_semaphore", "-4@%0") :: "r"(i));
    total += jt_work(i);
    total += getppid() > 0; /* a libc function, once per iteration */
    if (pause_us)
      usleep(pause_us);
  }
  return total == 0;
}
