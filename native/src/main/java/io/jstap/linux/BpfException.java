package io.jstap.linux;

/** A failed bpf(2) command; program loads keep the verifier's log. */
public class BpfException extends NativeException {

    private static final long serialVersionUID = 1L;

    private final BpfCommand command;
    private final String verifierLog;

    public BpfException(BpfCommand command, int errno, String sentence, String verifierLog) {
        super("bpf(" + command + ")", errno, sentence);
        this.command = command;
        this.verifierLog = verifierLog == null ? "" : verifierLog;
    }

    public BpfCommand command() {
        return command;
    }

    /** The verifier's output for a rejected PROG_LOAD; empty for other commands. */
    public String verifierLog() {
        return verifierLog;
    }

    /**
     * The verifier line that says why it refused: the last line that is not a statistics or
     * processed-instructions summary.
     */
    public String verifierReason() {
        String[] lines = verifierLog.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("processed ") || l.startsWith("verification time")
                    || l.startsWith("stack depth") || l.startsWith("max_states_per_insn")) {
                continue;
            }
            return l;
        }
        return "";
    }
}
