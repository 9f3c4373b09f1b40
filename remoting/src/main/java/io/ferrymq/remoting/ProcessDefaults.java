package io.ferrymq.remoting;

import java.util.Map;

/**
 * System properties a server process sets for itself before Netty loads, unless the operator set them
 * ({@code JAVA_OPTS}). Call first thing in a {@code main}; tests, which do not start through a
 * launcher's main, keep Netty's defaults.
 *
 * <ul>
 *   <li>{@value #LEAK_DETECTION}: {@code disabled}. Netty's leak detector samples one buffer in 128 and
 *       records a stack trace for it, a cost on every request path for a check that belongs in tests.
 *   <li>{@value #JFR}: {@code false}. Netty's allocator registers Flight Recorder events when JFR is
 *       present, which loads and starts the recorder's machinery in every server (about a hundred
 *       classes and a few MiB at start) for events nobody records unless they profile.
 * </ul>
 */
public final class ProcessDefaults {
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";
    static final String JFR = "io.netty.jfr.enabled";
    static final Map<String, String> DEFAULTS = Map.of(LEAK_DETECTION, "disabled", JFR, "false");

    private ProcessDefaults() {}

    public static void apply() {
        DEFAULTS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }
}
