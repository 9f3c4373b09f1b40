package io.ferrymq.protocol.message;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates UNIQ_KEY values (wire-protocol §6.5) for messages that arrive without one. Upper-case hex
 * of:
 *
 * <pre>
 *  | host address (4 or 16 bytes) | pid low 16 bits int16 | process int32 | ms since month start int32 | counter int16 |
 * </pre>
 *
 * 32 characters for an IPv4 host, 56 for IPv6. The first three parts are fixed per generator and
 * rendered once. The last two come from one atomic 64-bit sequence, {@code (ms << 16) | counter},
 * that never repeats or goes back: each id takes {@code max(previous + 1, now << 16)}. More than
 * 65,536 ids in one millisecond borrow from the next millisecond instead of wrapping, so ids of one
 * generator are unique whatever the rate. The month start is taken in the clock's zone.
 *
 * <p>Thread-safe and lock-free; one generator per process is the intent.
 */
public final class UniqueKeyGenerator {
    private final char[] prefix;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private volatile MonthWindow month;

    /**
     * @param hostAddress 4 or 16 bytes, normally the broker's advertised address
     * @param pid the process id; its low 16 bits are used
     * @param processId an int that tells apart processes sharing host and pid (e.g. random)
     */
    public UniqueKeyGenerator(byte[] hostAddress, int pid, int processId, Clock clock) {
        if (hostAddress.length != 4 && hostAddress.length != 16) {
            throw new IllegalArgumentException("host address has " + hostAddress.length + " bytes, not 4 or 16");
        }
        this.clock = clock;
        this.prefix = new char[2 * (hostAddress.length + 6)];
        int at = 0;
        for (byte b : hostAddress) {
            at = HexDigits.put(prefix, at, b, 1);
        }
        at = HexDigits.put(prefix, at, pid, 2);
        HexDigits.put(prefix, at, processId, 4);
        this.month = MonthWindow.containing(clock.millis(), clock);
    }

    /** A generator for this process on {@code host}, with a random process int. */
    public static UniqueKeyGenerator forProcess(InetAddress host, Clock clock) {
        return new UniqueKeyGenerator(
                host.getAddress(), (int) ProcessHandle.current().pid(), new SecureRandom().nextInt(), clock);
    }

    /** The next UNIQ_KEY. */
    public String next() {
        long nowPart = clock.millis() << 16;
        long value;
        long previous;
        do {
            previous = sequence.get();
            value = Math.max(previous + 1, nowPart);
        } while (!sequence.compareAndSet(previous, value));
        long ms = value >>> 16;
        MonthWindow window = month;
        if (!window.contains(ms)) {
            window = MonthWindow.containing(ms, clock);
            month = window;
        }
        char[] id = new char[prefix.length + 12];
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        int at = HexDigits.put(id, prefix.length, ms - window.startMs, 4);
        HexDigits.put(id, at, value, 2);
        return new String(id);
    }

    /** The id length: 32 for an IPv4 host, 56 for IPv6. */
    public int idLength() {
        return prefix.length + 12;
    }

    private record MonthWindow(long startMs, long endMs) {
        static MonthWindow containing(long ms, Clock clock) {
            ZonedDateTime start = Instant.ofEpochMilli(ms)
                    .atZone(clock.getZone())
                    .withDayOfMonth(1)
                    .truncatedTo(ChronoUnit.DAYS);
            return new MonthWindow(
                    start.toInstant().toEpochMilli(),
                    start.plusMonths(1).toInstant().toEpochMilli());
        }

        boolean contains(long ms) {
            return ms >= startMs && ms < endMs;
        }
    }
}
