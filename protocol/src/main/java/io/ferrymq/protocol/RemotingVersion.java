package io.ferrymq.protocol;

/**
 * Values of the header's {@code version} field: the ordinal of a RocketMQ release in its client's
 * version enum. Clients remember the version a broker answers with and refuse some features against
 * "old" brokers, so FerryMQ answers as a modern release.
 */
public final class RemotingVersion {
    public static final int V4_9_4 = 401;
    public static final int V4_9_8 = 409;
    public static final int V5_2_0 = 453;
    public static final int V5_3_1 = 475;

    /** What FerryMQ puts in the frames it sends. */
    public static final int CURRENT = V5_3_1;

    private RemotingVersion() {}
}
