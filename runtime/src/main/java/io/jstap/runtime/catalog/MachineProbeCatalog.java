package io.jstap.runtime.catalog;

import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.probe.FileId;
import io.jstap.compiler.probe.TaskLayout;
import io.jstap.compiler.probe.UsdtProbe;
import io.jstap.linux.ElfFile;
import io.jstap.linux.LinuxSys;
import io.jstap.linux.SdtNote;
import io.jstap.linux.NativeException;
import io.jstap.linux.Tracefs;
import io.jstap.runtime.kernel.ElfCache;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The probe catalog of the machine this runs on: tracepoints and their formats from tracefs (mounted
 * if needed; formats parsed lazily and cached), ELF function symbols, binary resolution, and the
 * kernel features found by {@link FeatureProbe}.
 */
public final class MachineProbeCatalog implements ProbeCatalog {

    private final Supplier<Path> tracefsLocator;
    private final BinaryResolver resolver;
    private final Supplier<Map<KernelFeature, String>> featureProbe;
    private final Map<String, Optional<TracepointFormat>> formats = new ConcurrentHashMap<>();
    private volatile Optional<Path> tracefs;
    private volatile String tracefsError;
    private volatile List<String> tracepoints;
    private volatile Map<KernelFeature, String> features;
    private volatile Optional<TaskLayout> taskLayout;

    /** The running machine: tracefs located or mounted on first use, $PATH and library directories. */
    public MachineProbeCatalog() {
        this(() -> Tracefs.locateOrMount(LinuxSys.get()), BinaryResolver.system(), FeatureProbe::attachKinds);
    }

    public MachineProbeCatalog(Supplier<Path> tracefsLocator, BinaryResolver resolver,
            Supplier<Map<KernelFeature, String>> featureProbe) {
        this.tracefsLocator = tracefsLocator;
        this.resolver = resolver;
        this.featureProbe = featureProbe;
    }

    /** The tracefs directory, or empty when it is neither mounted nor mountable. */
    public Optional<Path> tracefs() {
        Optional<Path> t = tracefs;
        if (t == null) {
            synchronized (this) {
                if (tracefs == null) {
                    try {
                        tracefs = Optional.of(tracefsLocator.get());
                    } catch (NativeException e) {
                        tracefsError = e.getMessage();
                        tracefs = Optional.empty();
                    }
                }
                t = tracefs;
            }
        }
        return t;
    }

    String tracefsDescription() {
        return tracefs().map(Path::toString).orElse("unavailable: " + tracefsError);
    }

    @Override
    public List<String> tracepoints() {
        List<String> list = tracepoints;
        if (list == null) {
            list = tracefs().map(MachineProbeCatalog::scan).orElse(List.of());
            tracepoints = list;
        }
        return list;
    }

    private static List<String> scan(Path tracefs) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> cats = Files.newDirectoryStream(tracefs.resolve("events"), Files::isDirectory)) {
            for (Path cat : cats) {
                try (DirectoryStream<Path> evs = Files.newDirectoryStream(cat, Files::isDirectory)) {
                    for (Path ev : evs) {
                        out.add(cat.getFileName() + ":" + ev.getFileName());
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    @Override
    public Optional<TracepointFormat> tracepoint(String category, String event) {
        if (category.contains("/") || event.contains("/") || category.startsWith(".") || event.startsWith(".")) {
            return Optional.empty();
        }
        return formats.computeIfAbsent(category + ":" + event, k -> tracefs().flatMap(t -> {
            Path f = t.resolve("events").resolve(category).resolve(event).resolve("format");
            try {
                return Optional.of(FormatParser.parse(category, event, Files.readString(f)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }));
    }

    @Override
    public List<String> syscalls() {
        List<String> out = new ArrayList<>();
        String prefix = "syscalls:sys_enter_";
        for (String tp : tracepoints()) {
            if (tp.startsWith(prefix)) {
                out.add(tp.substring(prefix.length()));
            }
        }
        return out;
    }

    @Override
    public Optional<String> resolveBinary(String path) {
        return resolver.resolve(path);
    }

    @Override
    public List<String> functionSymbols(String binaryPath) {
        try {
            return ElfCache.shared().get(Path.of(binaryPath)).functionNames();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public List<String> usdtProbes(String binaryPath) {
        List<String> out = new ArrayList<>();
        for (UsdtProbe p : usdt(binaryPath)) {
            String name = p.provider() + ":" + p.name();
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The USDT sites of {@code .note.stapsdt}, with pc and semaphore as file offsets. */
    @Override
    public List<UsdtProbe> usdt(String binaryPath) {
        ElfFile elf;
        try {
            elf = ElfCache.shared().get(Path.of(binaryPath));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        List<UsdtProbe> out = new ArrayList<>();
        for (SdtNote n : elf.sdtNotes()) {
            long pc = elf.fileOffset(n.pc()).orElse(-1);
            long sem = n.semaphore() == 0 ? 0 : elf.fileOffset(n.semaphore()).orElse(0);
            out.add(new UsdtProbe(n.provider(), n.name(), pc, sem, n.args()));
        }
        return out;
    }

    /** Offsets of the task members process probes read, from the kernel's BTF; read once. */
    @Override
    public Optional<TaskLayout> taskLayout() {
        Optional<TaskLayout> t = taskLayout;
        if (t == null) {
            t = KernelLayout.read();
            taskLayout = t;
        }
        return t;
    }

    @Override
    public Optional<FileId> fileId(String path) {
        try {
            Path p = Path.of(path);
            long dev = ((Number) Files.getAttribute(p, "unix:dev")).longValue();
            long ino = ((Number) Files.getAttribute(p, "unix:ino")).longValue();
            return Optional.of(new FileId(FileId.kernelDev(dev), ino));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Each attach kind: null when it works, else why not. Probed once. */
    public Map<KernelFeature, String> featureReasons() {
        Map<KernelFeature, String> f = features;
        if (f == null) {
            f = featureProbe.get();
            features = f;
        }
        return f;
    }

    @Override
    public Set<KernelFeature> features() {
        Set<KernelFeature> out = java.util.EnumSet.noneOf(KernelFeature.class);
        featureReasons().forEach((k, why) -> {
            if (why == null) {
                out.add(k);
            }
        });
        return out;
    }

    @Override
    public String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }

    /** The text {@code --probe-features} prints: attach kinds, program and map types, helpers, PMUs. */
    public String probeFeaturesReport() {
        return FeatureProbe.full(this).render();
    }
}
