package io.ferrymq.standalone.admin;

import io.ferrymq.client.MessageView;
import java.nio.charset.StandardCharsets;

/** One message as one line of text for the terminal. */
final class MessageLines {
    private static final int BODY_PREVIEW = 120;

    private MessageLines() {}

    static String describe(MessageView m) {
        String body = new String(m.body(), StandardCharsets.UTF_8);
        if (body.length() > BODY_PREVIEW) {
            body = body.substring(0, BODY_PREVIEW) + "...";
        }
        return "msgId=" + m.msgId() + " offsetMsgId=" + m.offsetMsgId() + " topic=" + m.topic() + " queue="
                + m.queueId() + "@" + m.queueOffset() + " tags=" + m.tags() + " keys=" + m.keys() + " stored="
                + m.storeTimestamp() + " body=" + body;
    }
}
