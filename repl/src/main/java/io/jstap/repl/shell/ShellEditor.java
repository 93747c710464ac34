package io.jstap.repl.shell;

import io.jstap.runtime.live.commands.Editor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * {@code :edit}: the snippet in {@code $VISUAL} or {@code $EDITOR} (a private temporary file, probe output
 * held back meanwhile), or without either, inline at a prompt holding the old text.
 */
final class ShellEditor implements Editor {

    private final LineReader reader;
    private final TerminalOutput output;
    private final Map<String, String> env;

    ShellEditor(LineReader reader, TerminalOutput output, Map<String, String> env) {
        this.reader = reader;
        this.output = output;
        this.env = env;
    }

    @Override
    public String edit(String text) throws IOException {
        String editor = env.getOrDefault("VISUAL", env.get("EDITOR"));
        if (editor == null || editor.isBlank()) {
            return inline(text);
        }
        Path file = Files.createTempFile("jstap-edit", ".stp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            output.hold(true);
            List<String> cmd = new java.util.ArrayList<>(List.of(editor.trim().split("\\s+")));
            cmd.add(file.toString());
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int status = p.waitFor();
            if (status != 0) {
                throw new IOException(editor + " exited with status " + status + "; the snippet is unchanged");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            output.hold(false);
            Files.deleteIfExists(file);
        }
    }

    private String inline(String text) {
        try {
            return reader.readLine("edit> ", null, (org.jline.reader.MaskingCallback) null, text.stripTrailing());
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }
}
