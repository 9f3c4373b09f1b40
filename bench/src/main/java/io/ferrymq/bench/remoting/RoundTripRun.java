package io.ferrymq.bench.remoting;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One measured run of one target in this JVM: {@code java ... RoundTripRun <ferry|rocketmq> threads
 * warmupSeconds seconds bodyBytes}. Prints one {@code RESULT} line for the comparison to read.
 */
public final class RoundTripRun {
    private RoundTripRun() {}

    public static void main(String[] args) throws Exception {
        String side = args[0];
        int threads = Integer.parseInt(args[1]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
        int bodyBytes = Integer.parseInt(args[4]);
        try (RoundTripTarget target = targetFor(side)) {
            target.start(new WorkloadShape(bodyBytes, 8));
            Histogram latencyUs = new ClosedLoopLoad(threads, warmup, measured).run(target);
            double seconds = latencyUs.getEndTimeStamp() / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT side=%s requestsPerSecond=%.0f p50us=%d p99us=%d p999us=%d maxUs=%d calls=%d%n",
                    side,
                    latencyUs.getTotalCount() / seconds,
                    latencyUs.getValueAtPercentile(50),
                    latencyUs.getValueAtPercentile(99),
                    latencyUs.getValueAtPercentile(99.9),
                    latencyUs.getMaxValue(),
                    latencyUs.getTotalCount());
        }
        // RocketMQ's remoting leaves non-daemon threads behind; the run is over either way
        System.exit(0);
    }

    private static RoundTripTarget targetFor(String side) {
        return switch (side) {
            case "ferry" -> new FerryRemotingTarget();
            case "rocketmq" -> new RocketMqRemotingTarget();
            default -> throw new IllegalArgumentException("unknown side " + side + ": ferry or rocketmq");
        };
    }
}
