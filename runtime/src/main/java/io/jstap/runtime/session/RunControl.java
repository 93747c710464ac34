package io.jstap.runtime.session;

import io.jstap.runtime.output.Output;
import io.jstap.runtime.output.RecordDecoder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The state of one run as stap's session state: running until something asks it to stop (the first
 * reason wins), and separately whether it ended in error, which decides between end and error probes.
 * A probe handler's run-time error is printed ({@code ERROR: ...}) and counted; once more than MAXERRORS
 * have happened the session is in error and stops, as stap's probe epilogue does.
 */
final class RunControl implements RecordDecoder.Control {

    /** Why a run stopped. */
    enum Stop { EXIT, COMMAND, TIMEOUT, SIGNAL, ERROR }

    private final Output out;
    private final int maxErrors;
    private final boolean suppressHandlerErrors;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Stop stop;
    private String signal;
    private boolean errorState;
    private int handlerErrors;
    private boolean errorPrinted;

    RunControl(Output out, int maxErrors, boolean suppressHandlerErrors) {
        this.out = out;
        this.maxErrors = maxErrors;
        this.suppressHandlerErrors = suppressHandlerErrors;
    }

    /** Asks the run to stop; false if it was already stopping. */
    synchronized boolean requestStop(Stop why) {
        if (stop != null) {
            return false;
        }
        stop = why;
        stopped.countDown();
        return true;
    }

    synchronized boolean signal(String name) {
        boolean first = requestStop(Stop.SIGNAL);
        if (first) {
            signal = name;
        }
        return first;
    }

    /** A probe handler failed with {@code message} (what follows {@code ERROR: }). */
    @Override
    public void runtimeError(String message) {
        synchronized (this) {
            if (suppressHandlerErrors) {
                return;
            }
            handlerErrors++;
            errorPrinted = true;
        }
        out.error(message);
        synchronized (this) {
            if (handlerErrors > maxErrors) {
                errorState = true;
                requestStop(Stop.ERROR);
            }
        }
    }

    /** A failure of the run itself (loading, attaching): printed, puts the session in error, stops it. */
    void fatal(String message) {
        out.error(message);
        synchronized (this) {
            errorPrinted = true;
            errorState = true;
            requestStop(Stop.ERROR);
        }
    }

    /** {@code abort()}: stap puts the session in error without a message: no end probes, error probes run. */
    synchronized void abort() {
        errorState = true;
        requestStop(Stop.EXIT);
    }

    @Override
    public void exitRequested() {
        requestStop(Stop.EXIT);
    }

    synchronized boolean stopping() {
        return stop != null;
    }

    synchronized Stop stopReason() {
        return stop;
    }

    synchronized String signalName() {
        return signal;
    }

    synchronized boolean errorState() {
        return errorState;
    }

    /** Errors of probe handlers, for stap's "Number of errors" line. */
    synchronized int handlerErrors() {
        return handlerErrors;
    }

    /** Whether any {@code ERROR:} was printed: stap then exits with status 1. */
    synchronized boolean errorPrinted() {
        return errorPrinted;
    }

    /** Waits until a stop is requested or {@code nanos} pass (forever when negative); true if stopped. */
    boolean awaitStop(long nanos) throws InterruptedException {
        if (nanos < 0) {
            stopped.await();
            return true;
        }
        return stopped.await(nanos, TimeUnit.NANOSECONDS);
    }
}
