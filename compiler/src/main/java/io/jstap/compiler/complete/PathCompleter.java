package io.jstap.compiler.complete;

/**
 * File and directory candidates for a partial path: the directory part is listed, its entries matched against
 * the last segment. Values keep the typed directory, so they replace the whole partial path.
 */
final class PathCompleter {

    private final PathLister lister;

    PathCompleter(PathLister lister) {
        this.lister = lister;
    }

    /**
     * @param partial   the path typed so far (decoded)
     * @param prefix    put before each value (an opening quote not yet typed)
     * @param closer    put after a file's value (a closing quote and paren), never after a directory
     * @param commands  whether a partial without a slash also matches commands on {@code $PATH} (instead of
     *                  the working directory)
     * @param quoted    whether values go inside a string literal, so quotes and backslashes need escapes
     * @param finished  whether a file ends the token
     */
    void add(CandidateList out, String partial, String prefix, String closer, boolean commands, boolean quoted,
             boolean finished) {
        int slash = partial.lastIndexOf('/');
        String dir = slash < 0 ? "" : partial.substring(0, slash + 1);
        String name = slash < 0 ? partial : partial.substring(slash + 1);
        if (commands && slash < 0) {
            for (String cmd : lister.commands()) {
                out.add(cmd, prefix + escape(cmd, quoted) + closer, cmd, "command on $PATH", Kind.PATH, finished);
            }
            return;
        }
        boolean hidden = name.startsWith(".");
        for (PathLister.Entry e : lister.list(dir)) {
            if (e.name().startsWith(".") && !hidden) {
                continue;
            }
            String path = escape(dir + e.name(), quoted);
            if (e.directory()) {
                out.add(e.name(), prefix + path + "/", e.name() + "/", "directory", Kind.PATH, false);
            } else {
                out.add(e.name(), prefix + path + closer, e.name(), "", Kind.PATH, finished);
            }
        }
    }

    /** The last path segment, which is what candidates are matched against. */
    static String needle(String partial) {
        return partial.substring(partial.lastIndexOf('/') + 1);
    }

    static String escape(String s, boolean quoted) {
        return quoted ? s.replace("\\", "\\\\").replace("\"", "\\\"") : s;
    }
}
