package io.jstap.runtime.live;

import io.jstap.compiler.module.UserProbe;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fires one generation's userspace timer probes on one daemon thread (so a session's timers never run
 * concurrently with each other). A reload stops it and starts the next generation's.
 */
final class TimerRunner {

    private final ScheduledThreadPoolExecutor executor;

    private TimerRunner(ScheduledThreadPoolExecutor executor) {
        this.executor = executor;
    }

    static TimerRunner start(List<UserProbe> probes, Consumer<UserProbe> fire) {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "repl-timers");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        TimerRunner runner = new TimerRunner(ex);
        for (UserProbe p : probes) {
            if (!(p.trigger() instanceof UserProbe.Trigger.Timer t)) {
                continue;
            }
            long period = Math.max(1, t.periodNs());
            if (t.randomizeNs() <= 0) {
                ex.scheduleAtFixedRate(() -> fire.accept(p), period, period, TimeUnit.NANOSECONDS);
            } else {
                runner.scheduleRandom(p, period, t.randomizeNs(), fire);
            }
        }
        return runner;
    }

    private void scheduleRandom(UserProbe p, long period, long randomize, Consumer<UserProbe> fire) {
        long delay = period + ThreadLocalRandom.current().nextLong(randomize + 1);
        try {
            executor.schedule(() -> {
                fire.accept(p);
                scheduleRandom(p, period, randomize, fire);
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopped
        }
    }

    /** Fires nothing more; waits for a handler that is running (MAXACTION bounds it). */
    void stop() {
        executor.shutdown();
        boolean interrupted = false;
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
