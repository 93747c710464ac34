package io.jstap.compiler.bpf;

/** Test helper: bytes as space-separated lowercase hex, 8-byte slots separated by " | ". */
final class Hex {
    private Hex() {
    }

    static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(i % 8 == 0 ? " | " : " ");
            }
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }

    static String of(Assembler a) {
        return of(a.build().bytes());
    }
}
