package io.ferrymq.protocol.header.broker;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import java.util.Map;
import java.util.Set;

/**
 * Hand-written codec of {@link SendMessageRequestHeader} in both wire forms: the V1 long keys of
 * SEND_MESSAGE (10) and the single-letter keys {@code a}…{@code n} of SEND_MESSAGE_V2 (310) and
 * SEND_BATCH_MESSAGE (320). No reflection; stateless and thread-safe.
 */
public final class SendHeaderCodec implements HeaderCodec<SendMessageRequestHeader> {
    private static final String TYPE = "SendMessageRequestHeader";
    // index i of both tables names the same component of SendMessageRequestHeader
    private static final String[] V1_KEYS = {
        "producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums", "queueId", "sysFlag", "bornTimestamp",
        "flag", "properties", "reconsumeTimes", "unitMode", "maxReconsumeTimes", "batch", "bname"
    };
    private static final String[] V2_KEYS = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"};

    /** The V1 form (SEND_MESSAGE). */
    public static final SendHeaderCodec V1 = new SendHeaderCodec(V1_KEYS, false);
    /** The V2 form (SEND_MESSAGE_V2, SEND_BATCH_MESSAGE). */
    public static final SendHeaderCodec V2 = new SendHeaderCodec(V2_KEYS, true);

    private final String[] keys;
    private final boolean v2;
    private final Set<String> keySet;

    private SendHeaderCodec(String[] keys, boolean v2) {
        this.keys = keys;
        this.v2 = v2;
        this.keySet = Set.of(keys);
    }

    /** The codec for the request code of a send: V2 for 310 and 320, V1 otherwise. */
    public static SendHeaderCodec forCode(int code) {
        return code == RequestCode.SEND_MESSAGE_V2 || code == RequestCode.SEND_BATCH_MESSAGE ? V2 : V1;
    }

    /** Decodes the send header of {@code request} in the form its code implies. */
    public static SendMessageRequestHeader decode(RemotingCommand request) {
        return forCode(request.code()).decode(request.extFields());
    }

    /** Writes {@code header} with the V1 long keys. */
    public static void encodeV1(SendMessageRequestHeader header, Map<String, String> fields) {
        V1.encodeInto(header, fields);
    }

    /** Writes {@code header} with the V2 keys {@code a}…{@code n}. */
    public static void encodeV2(SendMessageRequestHeader header, Map<String, String> fields) {
        V2.encodeInto(header, fields);
    }

    @Override
    public Class<SendMessageRequestHeader> type() {
        return SendMessageRequestHeader.class;
    }

    @Override
    public Set<String> keys() {
        return keySet;
    }

    @Override
    public SendMessageRequestHeader decode(Map<String, String> fields) {
        return new SendMessageRequestHeader(
                HeaderFields.requiredText(fields, keys[0], meaning(0)),
                HeaderFields.requiredText(fields, keys[1], meaning(1)),
                HeaderFields.requiredText(fields, keys[2], meaning(2)),
                HeaderFields.requiredInt(fields, keys[3], meaning(3)),
                HeaderFields.requiredInt(fields, keys[4], meaning(4)),
                HeaderFields.requiredInt(fields, keys[5], meaning(5)),
                HeaderFields.requiredLong(fields, keys[6], meaning(6)),
                HeaderFields.requiredInt(fields, keys[7], meaning(7)),
                HeaderFields.optionalText(fields, keys[8]),
                HeaderFields.optionalInt(fields, keys[9], meaning(9)),
                HeaderFields.optionalBoolean(fields, keys[10]),
                HeaderFields.optionalInt(fields, keys[11], meaning(11)),
                HeaderFields.optionalBoolean(fields, keys[12]),
                HeaderFields.optionalText(fields, keys[13]));
    }

    @Override
    public void encodeInto(SendMessageRequestHeader header, Map<String, String> fields) {
        HeaderFields.put(fields, keys[0], header.producerGroup());
        HeaderFields.put(fields, keys[1], header.topic());
        HeaderFields.put(fields, keys[2], header.defaultTopic());
        fields.put(keys[3], Integer.toString(header.defaultTopicQueueNums()));
        fields.put(keys[4], Integer.toString(header.queueId()));
        fields.put(keys[5], Integer.toString(header.sysFlag()));
        fields.put(keys[6], Long.toString(header.bornTimestamp()));
        fields.put(keys[7], Integer.toString(header.flag()));
        HeaderFields.put(fields, keys[8], header.properties());
        HeaderFields.put(fields, keys[9], header.reconsumeTimes());
        HeaderFields.put(fields, keys[10], header.unitMode());
        HeaderFields.put(fields, keys[11], header.maxReconsumeTimes());
        HeaderFields.put(fields, keys[12], header.batch());
        HeaderFields.put(fields, keys[13], header.bname());
    }

    /** The V1 name explains a V2 key; a V1 key explains itself, so name the header instead. */
    private String meaning(int index) {
        return v2 ? V1_KEYS[index] : TYPE;
    }
}
