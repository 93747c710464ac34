package io.jstap.repl;

/** The version string, from the jar manifest when there is one. */
final class Version {
    private Version() {
    }

    static String string() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
