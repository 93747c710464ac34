package io.jstap.runtime.kernel;

/**
 * Something a {@link KernelResources} scope owns: closing it releases its kernel objects and removes it
 * from the scope; closing the scope closes it. Closing twice is harmless.
 */
public abstract class KernelObject implements AutoCloseable {

    private final KernelResources scope;
    private boolean closed;

    KernelObject(KernelResources scope) {
        this.scope = scope;
    }

    /** Releases the kernel objects; called once. */
    abstract void release();

    public final synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            release();
        } finally {
            scope.forget(this);
        }
    }

    final void ensureOpen() {
        if (isClosed()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    final KernelResources scope() {
        return scope;
    }
}
