package io.ferrymq.broker.internal.send;

import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageSysFlag;
import java.nio.charset.StandardCharsets;

/**
 * The properties that change where a sent message goes, found in one pass over the property bytes:
 * the delay ones ({@code DELAY}, {@code TIMER_DELAY_SEC}, {@code TIMER_DELAY_MS}, {@code
 * TIMER_DELIVER_MS}), which send it to the scheduler, and {@code TRAN_MSG=true}, which makes it a half
 * message of a transaction (RocketMQ decides by the property, not by the sysFlag). Names are compared
 * as bytes and only the values of these five are decoded, so an ordinary message (TAGS, KEYS, ...) costs
 * a byte scan and allocates nothing.
 *
 * @param delay {@code DELAY}, or null
 * @param delaySec {@code TIMER_DELAY_SEC}, or null
 * @param delayMs {@code TIMER_DELAY_MS}, or null
 * @param deliverMs {@code TIMER_DELIVER_MS}, or null
 * @param transactional {@code TRAN_MSG=true}
 */
record SpecialProperties(String delay, String delaySec, String delayMs, String deliverMs, boolean transactional) {
    static final SpecialProperties NONE = new SpecialProperties(null, null, null, null, false);

    /** Whether any delay property is present (a {@code DELAY} of 0 counts: the scheduler decides). */
    boolean hasDelay() {
        return delay != null || delaySec != null || delayMs != null || deliverMs != null;
    }

    /** A send may not carry a rollback or commit transaction type: those are the broker's to set. */
    static void checkSysFlag(int sysFlag) throws SendRejection {
        int type = MessageSysFlag.transactionType(sysFlag);
        if (type == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE || type == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            throw new SendRejection(
                    ResponseCode.MESSAGE_ILLEGAL,
                    "a send cannot carry a commit or rollback transaction type in its sysFlag: use END_TRANSACTION");
        }
    }

    /** Scans {@code array[offset, offset + length)}. */
    static SpecialProperties scan(byte[] array, int offset, int length) {
        SpecialProperties found = NONE;
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int segmentEnd = indexOf(array, start, end, MessageProperties.PROPERTY_SEPARATOR);
            int separator = indexOf(array, start, segmentEnd, MessageProperties.NAME_VALUE_SEPARATOR);
            if (separator > start && separator < segmentEnd - 1) {
                byte first = array[start];
                if (first == 'D' || first == 'T') {
                    found = found.with(array, start, separator, segmentEnd);
                }
            }
            start = segmentEnd + 1;
        }
        return found;
    }

    private SpecialProperties with(byte[] array, int start, int separator, int end) {
        int known = known(array, start, separator - start);
        if (known < 0) {
            return this;
        }
        String value = new String(array, separator + 1, end - separator - 1, StandardCharsets.UTF_8).trim();
        return switch (NAMES[known]) {
            case MessageProperty.DELAY -> new SpecialProperties(value, delaySec, delayMs, deliverMs, transactional);
            case MessageProperty.TIMER_DELAY_SEC ->
                new SpecialProperties(delay, value, delayMs, deliverMs, transactional);
            case MessageProperty.TIMER_DELAY_MS ->
                new SpecialProperties(delay, delaySec, value, deliverMs, transactional);
            case MessageProperty.TIMER_DELIVER_MS ->
                new SpecialProperties(delay, delaySec, delayMs, value, transactional);
            case MessageProperty.TRAN_MSG ->
                new SpecialProperties(delay, delaySec, delayMs, deliverMs, Boolean.parseBoolean(value));
            default -> this;
        };
    }

    private static final String[] NAMES = {
        MessageProperty.DELAY,
        MessageProperty.TIMER_DELAY_SEC,
        MessageProperty.TIMER_DELAY_MS,
        MessageProperty.TIMER_DELIVER_MS,
        MessageProperty.TRAN_MSG
    };
    private static final byte[][] NAME_BYTES = java.util.Arrays.stream(NAMES)
            .map(name -> name.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    /** Index in {@link #NAMES} of the name in {@code array[start, start + length)}, or -1. */
    private static int known(byte[] array, int start, int length) {
        for (int i = 0; i < NAME_BYTES.length; i++) {
            byte[] name = NAME_BYTES[i];
            if (name.length == length && java.util.Arrays.equals(array, start, start + length, name, 0, length)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] array, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (array[i] == value) {
                return i;
            }
        }
        return to;
    }
}
