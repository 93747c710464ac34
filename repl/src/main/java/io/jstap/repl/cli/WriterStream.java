package io.jstap.repl.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to a PrintWriter as UTF-8 text, so the runtime's byte-oriented output can go where the command line
 * was told to write (tests pass their own writers). A character split across writes is kept until complete.
 */
final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (!pending.hasRemaining()) {
                drain();
            }
            int n = Math.min(len, pending.remaining());
            pending.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    private void drain() {
        pending.flip();
        while (true) {
            decoder.decode(pending, chars, false);
            chars.flip();
            writer.append(chars);
            chars.clear();
            if (!pending.hasRemaining() || pending.remaining() < 4 && pending.position() > 0) {
                break;
            }
        }
        pending.compact();
    }

    @Override
    public synchronized void flush() {
        drain();
        writer.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
