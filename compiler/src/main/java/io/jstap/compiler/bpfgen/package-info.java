/**
 * The kernel back end: {@link io.jstap.compiler.bpfgen.ModuleBuilder} turns the IR of the probes the
 * lowering put in the kernel into BPF programs and decides the maps of a
 * {@link io.jstap.compiler.module.Module}; {@link io.jstap.compiler.bpfgen.ModulePrinter} lists it for
 * {@code -p3}; {@link io.jstap.compiler.bpfgen.MapCodec} and {@link io.jstap.compiler.bpfgen.RecordDecoder}
 * read back what the programs leave in maps and the ring buffer.
 *
 * <h2>Maps</h2>
 * One map per global, named after it: a scalar is a one-entry ARRAY (kernel code addresses its value
 * directly), an array a HASH keyed by fixed-width fields (long: 8 bytes; string: MAXSTRINGLEN bytes,
 * zero padded), statistics a PERCPU_HASH of {@link io.jstap.compiler.module.StatsLayout} values (a scalar
 * statistic under the u32 key 0). A long global that kernel code only adds to, with the result unused,
 * is per-CPU (PERCPU_ARRAY/PERCPU_HASH; the runtime sums the CPUs); other additions, and {@code &=},
 * {@code |=}, {@code ^=}, use atomic fetch-and-op. A wrapping global ({@code global x%}) is an LRU hash:
 * when full the kernel evicts a least recently used element (which is not always the oldest, and the
 * kernel may evict shortly before the map is completely full). Internal maps: {@code .scratch} (per-CPU
 * memory for strings, keys and records), {@code .output} (the ring buffer), {@code .counters} (per-CPU
 * u64s: [0] records lost to a full ring) and {@code .config} (u64s the runtime writes before attaching:
 * {@code target()} and the CLOCK_BOOTTIME-to-epoch offset that {@code gettimeofday_*} adds).
 *
 * <h2>Semantics</h2>
 * The interpreter ({@link io.jstap.compiler.exec}) defines them and both back ends agree, which a
 * differential test of random programs checks: 64-bit wrap-around, signed division and remainder with
 * "division by 0" errors, shift counts modulo 64, strings cut at MAXSTRINGLEN-1 bytes between
 * characters, missing elements read as 0 or "", "Array overflow" at the size limit, MAXACTION counted
 * statement by statement, MAXNESTING, try/catch. A run-time error writes an ERROR record (message and
 * the token it is near) and ends the probe. Script functions are inlined; recursion is rejected.
 *
 * <h2>Not in kernel probes</h2>
 * These are {@link io.jstap.compiler.bpfgen.CodegenException}s naming a userspace alternative:
 * {@code foreach}, deleting a whole array, array slices, {@code sprintf} with conversions other than
 * plain {@code %s %d %i %u %x %X %o} (no flags, widths or precisions), reading statistics ({@code @count} ... and histograms), {@code %m} dumps, recursion, and functions without a
 * kernel implementation. Other known differences: compound assignments with {@code *}, {@code /},
 * {@code %}, shifts, and {@code .=} on shared globals are plain read-modify-writes; scratch memory is per
 * CPU, so a probe interrupted on its CPU by another probe that also uses scratch (possible for raw
 * tracepoints) may see its temporaries overwritten; the verifier explores a loop whose end it cannot
 * foresee up to MAXACTION times, so such a loop with a large body may be too complex to load (loops
 * from a constant to a constant bound are cheap).
 */
package io.jstap.compiler.bpfgen;
