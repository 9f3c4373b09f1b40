package io.ferrymq.protocol.route;

/**
 * The permission bits of a topic's queues ({@code perm} in routes and topic configs): {@code 6}
 * (read + write) for normal topics, {@code 7} for the auto-create template {@code TBW102}. Stateless.
 */
public final class PermName {
    /** Reserved by RocketMQ; unused. */
    public static final int PERM_PRIORITY = 0x8;

    public static final int PERM_READ = 0x4;
    public static final int PERM_WRITE = 0x2;
    /** The topic may serve as a template for auto-created topics. */
    public static final int PERM_INHERIT = 0x1;

    private PermName() {}

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    /** {@code perm} with the write bit cleared. */
    public static int withoutWrite(int perm) {
        return perm & ~PERM_WRITE;
    }

    /** Renders the bits the way RocketMQ's tools do, e.g. {@code RW-} for 6. */
    public static String toText(int perm) {
        return (isReadable(perm) ? "R" : "-") + (isWriteable(perm) ? "W" : "-") + (isInherited(perm) ? "X" : "-");
    }
}
