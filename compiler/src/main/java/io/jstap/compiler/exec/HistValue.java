package io.jstap.compiler.exec;

import io.jstap.compiler.format.Stats;

/** The value of {@code @hist_log(s)}/{@code @hist_linear(...)}: printable only. Stats null when nothing was added. */
record HistValue(Stats stats) {

    boolean empty() {
        return stats == null || stats.count() == 0;
    }
}
