package io.jstap.compiler.probe;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the machine offers to probe. The compiler reads the kernel only through this
 * interface: the runtime implements it from tracefs, sysfs and ELF files; tests use
 * {@link FixedProbeCatalog}.
 */
public interface ProbeCatalog {

    /** Every tracepoint as {@code "category:event"}, sorted. */
    List<String> tracepoints();

    /** The format of one tracepoint, if the machine has it. */
    Optional<TracepointFormat> tracepoint(String category, String event);

    /** Names of syscalls that have a {@code syscalls:sys_enter_NAME} tracepoint, sorted. */
    List<String> syscalls();

    /**
     * Resolves a {@code process("PATH")} argument the way stap does: absolute paths as they are,
     * bare names through {@code $PATH}, library names through the loader's directories.
     */
    Optional<String> resolveBinary(String path);

    /** Function symbols (FUNC and IFUNC) of an ELF file, sorted; empty if it is not readable ELF. */
    List<String> functionSymbols(String binaryPath);

    /** USDT probe names ({@code provider:name}) of an ELF file. */
    default List<String> usdtProbes(String binaryPath) {
        return List.of();
    }

    /**
     * The USDT probe sites of an ELF file with their offsets and arguments; by default the names of
     * {@link #usdtProbes} without sites.
     */
    default List<UsdtProbe> usdt(String binaryPath) {
        List<UsdtProbe> out = new java.util.ArrayList<>();
        for (String p : usdtProbes(binaryPath)) {
            int colon = p.indexOf(':');
            out.add(UsdtProbe.named(p.substring(0, colon), p.substring(colon + 1)));
        }
        return out;
    }

    /** Where the members process probes read live in kernel structures, when the kernel says (BTF). */
    default Optional<TaskLayout> taskLayout() {
        return Optional.empty();
    }

    /** The device and inode of a file, to recognise processes running it; empty if it cannot be read. */
    default Optional<FileId> fileId(String path) {
        return Optional.empty();
    }

    /** What kinds of attachment this kernel supports. */
    Set<KernelFeature> features();

    /** The kernel release, as uname -r prints it (for {@code %( kernel_v ... %)}). */
    String kernelRelease();

    /** The machine architecture as stap names it ({@code x86_64}). */
    default String arch() {
        return "x86_64";
    }
}
