package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.commitlog.agent.Agent;
import io.ferrymq.consumequeue.MessageStore;
import java.time.Clock;
import java.util.List;

/**
 * Answers held pulls whose suspend time is over, and re-checks any whose queue has grown past their
 * offset without a wake-up reaching them (a message dispatched between a pull's read and its
 * parking). Stepped by an {@code AgentRunner} in production, by hand with a manual clock in tests.
 *
 * <p>Not thread-safe: one runner steps it.
 */
public final class PullHoldAgent implements Agent {
    private final HeldPulls held;
    private final PullResumer resumer;
    private final MessageStore store;
    private final Clock clock;

    public PullHoldAgent(HeldPulls held, PullResumer resumer, MessageStore store, Clock clock) {
        this.held = held;
        this.resumer = resumer;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public int doWork() {
        if (held.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        List<HeldPull> due = held.takeIf(pull -> pull.deadlineMs() <= now
                || store.maxOffset(pull.header().topic(), pull.header().queueId())
                        > pull.header().queueOffset());
        resumer.resumeAll(due);
        return due.size();
    }

    @Override
    public String roleName() {
        return "ferrymq-pull-hold";
    }
}
