package io.jstap.compiler.module;

import io.jstap.compiler.ir.ProbeBody;

/** A probe that needs no kernel context and runs in the JVM against the same maps. */
public record UserProbe(int id, String name, Trigger trigger, ProbeBody ir) {

    /** When a userspace probe runs. Sequence numbers order begin/end/error probes as stap does. */
    public sealed interface Trigger {
        record Begin(long seq) implements Trigger {
        }

        record End(long seq) implements Trigger {
        }

        record Error(long seq) implements Trigger {
        }

        /** Every {@code periodNs}, plus a random 0..randomizeNs. */
        record Timer(long periodNs, long randomizeNs) implements Trigger {
        }

        record Never() implements Trigger {
        }
    }
}
