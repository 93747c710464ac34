package io.jstap.runtime.session;

import io.jstap.compiler.module.UserProbe;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fires userspace timer probes ({@code timer.s/ms/us/ns/hz} that read no kernel context) on one daemon
 * thread: a fixed rate, or with {@code .randomize} each interval the period plus a random 0..R. One thread
 * keeps a script's timers from running concurrently with each other; {@link #stop()} lets a running
 * handler finish and fires nothing after it. A
 * live session starts one per generation of its module.
 */
public final class TimerProbes {

    private final ScheduledExecutorService executor;

    private TimerProbes(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts firing {@code timers} (each with a {@link UserProbe.Trigger.Timer} trigger). */
    public static TimerProbes start(List<UserProbe> timers, Consumer<UserProbe> fire) {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "timer-probes");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        TimerProbes tp = new TimerProbes(ex);
        for (UserProbe p : timers) {
            UserProbe.Trigger.Timer t = (UserProbe.Trigger.Timer) p.trigger();
            long period = Math.max(1, t.periodNs());
            if (t.randomizeNs() <= 0) {
                ex.scheduleAtFixedRate(() -> fire.accept(p), period, period, TimeUnit.NANOSECONDS);
            } else {
                tp.scheduleRandom(p, period, t.randomizeNs(), fire);
            }
        }
        return tp;
    }

    private void scheduleRandom(UserProbe p, long period, long randomize, Consumer<UserProbe> fire) {
        long delay = period + ThreadLocalRandom.current().nextLong(randomize + 1);
        try {
            executor.schedule(() -> {
                fire.accept(p);
                scheduleRandom(p, period, randomize, fire);
            }, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // stopped: no further firing
        }
    }

    /** No more firings; waits for a handler that is running to end (MAXACTION bounds it). */
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
