package io.jstap.runtime.output;

import java.nio.file.Path;

/** Opens the output a command line asks for. */
public final class Outputs {

    private Outputs() {
    }

    /**
     * Text or JSON to stdout, or to {@code file} (created or truncated) when it is not null; text-mode
     * messages go to stderr. Throws {@link OutputException} when the file cannot be opened.
     */
    public static Output open(OutputFormat format, Path file) {
        if (format == OutputFormat.JSON) {
            return file == null ? JsonOutput.standard() : JsonOutput.toFile(file);
        }
        return file == null ? TextOutput.standard() : TextOutput.toFile(file, System.err);
    }
}
