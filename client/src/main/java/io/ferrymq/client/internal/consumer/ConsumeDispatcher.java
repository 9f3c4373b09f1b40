package io.ferrymq.client.internal.consumer;

import io.ferrymq.client.MessageView;
import java.util.List;

/** Hands pulled messages to the user's listener on the consume threads. Thread-safe. */
public interface ConsumeDispatcher {
    /** {@code messages} were just added to {@code queue}; consume them. */
    void dispatch(ProcessQueue queue, List<MessageView> messages);
}
