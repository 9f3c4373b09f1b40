package io.ferrymq.protocol.route;

import java.time.InstantSource;

/**
 * The version a broker stamps on its topic table: {@code {"counter":1,"stateVersion":0,"timestamp":…}}.
 * A broker bumps it whenever its topics or their permissions change; the nameserver compares the
 * whole value (all three fields) with the last one it saw from that broker. Immutable.
 *
 * @param stateVersion the broker's role epoch; a lower value than the one on record loses
 * @param timestamp epoch milliseconds of the last change
 * @param counter number of changes since the broker started
 */
public record DataVersion(long stateVersion, long timestamp, long counter) {

    /** A fresh version at {@code clock}'s current time, counter 0. */
    public static DataVersion initial(InstantSource clock) {
        return new DataVersion(0, clock.millis(), 0);
    }

    /** The version after one more change: counter + 1, timestamp now. */
    public DataVersion next(InstantSource clock) {
        return new DataVersion(stateVersion, clock.millis(), counter + 1);
    }
}
