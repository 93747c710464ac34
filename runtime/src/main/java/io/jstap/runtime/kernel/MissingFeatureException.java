package io.jstap.runtime.kernel;

import io.jstap.compiler.probe.KernelFeature;

/** A probe needs something this kernel or machine lacks; the message names what and why. */
public final class MissingFeatureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient KernelFeature feature;

    public MissingFeatureException(KernelFeature feature, String message) {
        super(message);
        this.feature = feature;
    }

    public KernelFeature feature() {
        return feature;
    }
}
