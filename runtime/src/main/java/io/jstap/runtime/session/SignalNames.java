package io.jstap.runtime.session;

/** strsignal(3)'s descriptions of the common Linux signals, for stapio's child-exit warning. */
final class SignalNames {

    private static final String[] NAMES = {null, "Hangup", "Interrupt", "Quit", "Illegal instruction",
        "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed",
        "User defined signal 1", "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock",
        "Terminated"};

    private SignalNames() {
    }

    static String of(int signal) {
        return signal > 0 && signal < NAMES.length ? NAMES[signal] : "Unknown signal " + signal;
    }
}
