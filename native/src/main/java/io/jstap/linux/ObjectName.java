package io.jstap.linux;

/** The kernel's rule for map and program names: at most 15 characters of {@code [A-Za-z0-9_.]}. */
public final class ObjectName {

    public static final int MAX = 15;

    private ObjectName() {
    }

    /** {@code name} with every other character replaced by '_' and cut to 15 characters. */
    public static String sanitize(String name) {
        StringBuilder b = new StringBuilder(Math.min(name.length(), MAX));
        for (int i = 0; i < name.length() && b.length() < MAX; i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.');
            b.append(ok ? c : '_');
        }
        return b.toString();
    }
}
