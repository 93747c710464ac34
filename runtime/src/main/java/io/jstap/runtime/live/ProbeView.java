package io.jstap.runtime.live;

import java.util.List;

/**
 * One probe snippet as {@code :probes} lists it.
 *
 * @param snippet     the snippet
 * @param points      what it is attached to (or would be): tracepoints, uprobes, {@code begin}, timers
 * @param attachments kernel attachments held now (0 while paused)
 * @param hits        runs of its programs and userspace handlers, -1 when the kernel does not count them
 * @param errors      run-time errors reported from it
 * @param perSecond   hits per second since the previous listing (or since it was attached), NaN when unknown
 */
public record ProbeView(Snippet snippet, List<String> points, int attachments, long hits, long errors,
                        double perSecond) {

    public ProbeView {
        points = List.copyOf(points);
    }
}
