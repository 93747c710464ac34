package io.jstap.repl.cli;

import io.jstap.compiler.diag.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the script to run: {@code -e} text, a file, or {@code -} for standard input. */
final class ScriptInput {
    /** A script larger than this is refused before it is read: no real script comes close. */
    static final long MAX_BYTES = 64L << 20;

    private ScriptInput() {
    }

    static Source fromText(String text) {
        return new Source("<input>", text);
    }

    /** The script file, or a UsageException with a message a user understands. */
    static Source fromFile(String name, InputStream stdin) throws UsageException {
        try {
            byte[] bytes;
            if (name.equals("-")) {
                bytes = stdin.readNBytes((int) MAX_BYTES + 1);
            } else {
                Path p = Path.of(name);
                if (Files.isDirectory(p)) {
                    throw new UsageException("script file '" + name + "' is a directory");
                }
                if (Files.size(p) > MAX_BYTES) {
                    throw new UsageException("script file '" + name + "' is larger than " + (MAX_BYTES >> 20) + " MiB");
                }
                bytes = Files.readAllBytes(p);
            }
            if (bytes.length > MAX_BYTES) {
                throw new UsageException("script on standard input is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return new Source(name.equals("-") ? "<stdin>" : name, decode(bytes));
        } catch (NoSuchFileException e) {
            throw new UsageException("cannot open script file '" + name + "': No such file or directory");
        } catch (IOException e) {
            throw new UsageException("cannot read script file '" + name + "': " + e.getMessage());
        }
    }

    /** UTF-8, or Latin-1 for files that are not (binary junk still reaches the parser, which reports it). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
