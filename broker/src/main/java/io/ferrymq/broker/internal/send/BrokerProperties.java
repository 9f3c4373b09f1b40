package io.ferrymq.broker.internal.send;

import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.UniqueKeyGenerator;
import java.nio.charset.StandardCharsets;

/**
 * Completes a message's property string the way the broker stores it: the producer's properties,
 * then UNIQ_KEY when it had none, then CLUSTER, MSG_REGION and TRACE_ON (appended last, so they win
 * over any the producer sent). Also finds the properties that change where the message goes ({@link
 * SpecialProperties}). Thread-safe.
 */
final class BrokerProperties {
    private static final byte[] UNIQ_KEY_PREFIX =
            (MessageProperty.UNIQ_KEY + "\u0001").getBytes(StandardCharsets.UTF_8);

    private final byte[] suffix;
    private final UniqueKeyGenerator keys;

    BrokerProperties(SendSettings settings, UniqueKeyGenerator keys) {
        this.keys = keys;
        this.suffix = (MessageProperty.CLUSTER
                        + '\u0001'
                        + settings.clusterName()
                        + '\u0002'
                        + MessageProperty.MSG_REGION
                        + '\u0001'
                        + settings.regionId()
                        + '\u0002'
                        + MessageProperty.TRACE_ON
                        + '\u0001'
                        + settings.traceOn()
                        + '\u0002')
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The stored property string, the message's UNIQ_KEY and its delay properties. */
    record Prepared(byte[] bytes, String uniqKey, SpecialProperties special) {}

    /** Completes the properties in {@code array[offset, offset + length)}. */
    Prepared prepare(byte[] array, int offset, int length) throws SendRejection {
        SpecialProperties special = SpecialProperties.scan(array, offset, length);
        String uniqKey = MessageProperties.find(array, offset, length, MessageProperty.UNIQ_KEY);
        byte[] addedKey = null;
        if (uniqKey == null) {
            uniqKey = keys.next();
            addedKey = uniqKey.getBytes(StandardCharsets.US_ASCII);
        }
        boolean separator = length > 0 && array[offset + length - 1] != MessageProperties.PROPERTY_SEPARATOR;
        int size = length
                + (separator ? 1 : 0)
                + suffix.length
                + (addedKey == null ? 0 : UNIQ_KEY_PREFIX.length + addedKey.length + 1);
        if (size > MessageProperties.MAX_LENGTH) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "message properties are " + length + " bytes; with the broker's additions at most "
                            + MessageProperties.MAX_LENGTH + " are allowed");
        }
        byte[] out = new byte[size];
        System.arraycopy(array, offset, out, 0, length);
        int at = length;
        if (separator) {
            out[at++] = MessageProperties.PROPERTY_SEPARATOR;
        }
        if (addedKey != null) {
            at = put(out, at, UNIQ_KEY_PREFIX);
            at = put(out, at, addedKey);
            out[at++] = MessageProperties.PROPERTY_SEPARATOR;
        }
        put(out, at, suffix);
        return new Prepared(out, uniqKey, special);
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }
}
