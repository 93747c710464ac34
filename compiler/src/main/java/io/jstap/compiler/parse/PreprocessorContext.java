package io.jstap.compiler.parse;

import java.util.List;
import java.util.Set;

/**
 * What {@code %( ... %?} conditions test and script arguments are taken from.
 *
 * @param kernelRelease     {@code uname -r}, e.g. "6.1.0-18-amd64" ({@code kernel_vr}; {@code kernel_v} is the
 *                          part before the first '-')
 * @param arch              e.g. "x86_64" ({@code arch})
 * @param runtime           "bpf" ({@code runtime})
 * @param systemtapVersion  the stap language version jstap follows, "5.0" ({@code systemtap_v})
 * @param kconfig           kernel configuration entries, {@code "CONFIG_X=y"}, {@code "CONFIG_HZ=250"}, or a
 *                          bare {@code "CONFIG_X"} meaning {@code =y}; options not listed are unset
 * @param scriptArgs        the arguments after the script ({@code $1}, {@code @1}, {@code $#})
 */
public record PreprocessorContext(String kernelRelease, String arch, String runtime, String systemtapVersion,
                                  Set<String> kconfig, List<String> scriptArgs) {

    public PreprocessorContext {
        kconfig = Set.copyOf(kconfig);
        scriptArgs = List.copyOf(scriptArgs);
    }

    /** A fixed context for tests and tools that do not look at the running kernel. */
    public static PreprocessorContext defaults() {
        return new PreprocessorContext("6.1.0", "x86_64", "bpf", "5.0", Set.of(), List.of());
    }

    /** The same context with other script arguments. */
    public PreprocessorContext withScriptArgs(List<String> args) {
        return new PreprocessorContext(kernelRelease, arch, runtime, systemtapVersion, kconfig, args);
    }

    /** {@code kernel_v}: the release without its local suffix, "6.1.0" for "6.1.0-18-amd64". */
    public String kernelVersion() {
        int dash = kernelRelease.indexOf('-');
        return dash < 0 ? kernelRelease : kernelRelease.substring(0, dash);
    }

    /** The value of a kernel configuration option, "" when unset. */
    public String kconfigValue(String name) {
        for (String entry : kconfig) {
            if (entry.equals(name)) {
                return "y";
            }
            if (entry.length() > name.length() && entry.startsWith(name) && entry.charAt(name.length()) == '=') {
                return entry.substring(name.length() + 1);
            }
        }
        return "";
    }
}
