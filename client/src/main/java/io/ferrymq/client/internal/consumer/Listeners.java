package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.ConsumeResult;
import io.ferrymq.client.MessageView;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls user listeners: an exception or a null result counts as RETRY_LATER and is logged. Stateless. */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {}

    static ConsumeResult call(Supplier<ConsumeResult> listener, List<MessageView> batch) {
        try {
            ConsumeResult result = listener.get();
            return result == null ? ConsumeResult.RETRY_LATER : result;
        } catch (RuntimeException | Error e) { // user code: whatever it throws means "not consumed"
            LOG.warn(
                    "listener threw on {} message(s), first {}: {}",
                    batch.size(),
                    batch.get(0).msgId(),
                    e.toString(),
                    e);
            return ConsumeResult.RETRY_LATER;
        }
    }
}
