package io.ferrymq.remoting;

/**
 * System properties a server process sets for itself before Netty loads, unless the operator set them
 * ({@code JAVA_OPTS}). Netty's leak detector samples one buffer in 128 and records a stack trace for
 * it, a cost on every request path for a check that belongs in tests (which keep it: they do not start
 * through a launcher's main). Call first thing in a {@code main}.
 */
public final class ProcessDefaults {
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    private ProcessDefaults() {}

    public static void apply() {
        if (System.getProperty(LEAK_DETECTION) == null) {
            System.setProperty(LEAK_DETECTION, "disabled");
        }
    }
}
