#include <stdio.h>
#include <stdlib.h>
unsigned short jt_sem __attribute__((section(".probes"), used));
#define JT_BASE \
  ".ifndef _.stapsdt.base\n" \
  ".pushsection .stapsdt.base,\"aG\",\"progbits\",.stapsdt.base,comdat\n" \
  ".weak _.stapsdt.base\n.hidden _.stapsdt.base\n_.stapsdt.base: .space 1\n.size _.stapsdt.base, 1\n" \
  ".popsection\n.endif\n"
#define JT_NOTE(prov, name, sem, args) \
  "990: nop\n" \
  ".pushsection .note.stapsdt,\"?\",\"note\"\n.balign 4\n" \
  ".4byte 992f-991f, 994f-993f, 3\n991: .asciz \"stapsdt\"\n992: .balign 4\n" \
  "993: .8byte 990b\n.8byte _.stapsdt.base\n.8byte " sem "\n" \
  ".asciz \"" prov "\"\n.asciz \"" name "\"\n.asciz \"" args "\"\n994: .balign 4\n.popsection\n" JT_BASE
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 3;
  for (int i = 1; i <= n; i++) {
    volatile long big = (long) i * 10;
    __asm__ __volatile__(JT_NOTE("jt", "tick", "0", "-4@%0 8@%1 4@%2 -2@%3") :: "r"(i), "m"(big), "i"(5), "r"((short)-i));
    if (jt_sem) __asm__ __volatile__(JT_NOTE("jt", "gated", "jt_sem", "-4@%0") :: "r"(i));
  }
  return 0;
}
