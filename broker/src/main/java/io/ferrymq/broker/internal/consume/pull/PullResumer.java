package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.protocol.RemotingCommand;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs held pulls on the pull-resume executor (never on the dispatcher or agent thread): reads
 * again and answers on the pull's channel; a read that still finds nothing parks the pull again until
 * its deadline, and at the deadline answers 19 with the then-current offsets (G11).
 *
 * <p>Thread-safe.
 */
public final class PullResumer {
    private static final Logger LOG = LoggerFactory.getLogger(PullResumer.class);

    private final PullReader reader;
    private final HeldPulls held;
    private final Executor executor;
    private final Clock clock;

    public PullResumer(PullReader reader, HeldPulls held, Executor executor, Clock clock) {
        this.reader = reader;
        this.held = held;
        this.executor = executor;
        this.clock = clock;
    }

    public void resumeAll(List<HeldPull> pulls) {
        for (HeldPull pull : pulls) {
            try {
                executor.execute(() -> resume(pull));
            } catch (RejectedExecutionException e) {
                LOG.debug("pull resume rejected (closing?): {}", e.toString());
            }
        }
    }

    void resume(HeldPull pull) {
        if (!pull.channel().isActive()) {
            return;
        }
        PullAnswer answer = reader.read(pull.header(), pull.expression());
        if (answer.isNotFound() && clock.millis() < pull.deadlineMs()) {
            held.park(pull);
            return;
        }
        RemotingCommand response = answer.toResponse(pull.request());
        pull.channel().writeResponse(response);
    }
}
