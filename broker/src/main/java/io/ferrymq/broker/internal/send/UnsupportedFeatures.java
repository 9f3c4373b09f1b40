package io.ferrymq.broker.internal.send;

import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.message.MessageProperties;
import io.ferrymq.protocol.message.MessageProperty;
import io.ferrymq.protocol.message.MessageSysFlag;
import java.nio.charset.StandardCharsets;

/**
 * Refuses messages this broker would otherwise deliver wrongly: delayed ({@code DELAY} > 0), timer
 * ({@code TIMER_DELIVER_MS}, {@code TIMER_DELAY_SEC}, {@code TIMER_DELAY_MS}) and transactional
 * ({@code TRAN_MSG=true}, or a prepared/rollback sysFlag) messages. Storing them as plain messages
 * would deliver them early or uncommitted, so they get MESSAGE_ILLEGAL until the scheduler and
 * transaction modules land. One pass over the property bytes. Stateless.
 */
final class UnsupportedFeatures {
    static final String DELAY_REMARK = "delayed/timer messages are not supported yet by this FerryMQ broker";
    static final String TRANSACTION_REMARK = "transactional messages are not supported yet by this FerryMQ broker";

    private UnsupportedFeatures() {}

    static void checkSysFlag(int sysFlag) throws SendRejection {
        int type = MessageSysFlag.transactionType(sysFlag);
        if (type == MessageSysFlag.TRANSACTION_PREPARED_TYPE || type == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, TRANSACTION_REMARK);
        }
    }

    static void check(byte[] array, int offset, int length) throws SendRejection {
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int segmentEnd = indexOf(array, start, end, MessageProperties.PROPERTY_SEPARATOR);
            int separator = indexOf(array, start, segmentEnd, MessageProperties.NAME_VALUE_SEPARATOR);
            if (separator > start && separator < segmentEnd - 1) {
                checkOne(array, start, separator, segmentEnd);
            }
            start = segmentEnd + 1;
        }
    }

    private static void checkOne(byte[] array, int start, int separator, int end) throws SendRejection {
        byte first = array[start];
        if (first != 'D' && first != 'T') {
            return;
        }
        String name = new String(array, start, separator - start, StandardCharsets.UTF_8);
        String value = new String(array, separator + 1, end - separator - 1, StandardCharsets.UTF_8);
        switch (name) {
            case MessageProperty.DELAY -> {
                if (!value.trim().equals("0")) {
                    throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, DELAY_REMARK);
                }
            }
            case MessageProperty.TIMER_DELIVER_MS, MessageProperty.TIMER_DELAY_SEC, MessageProperty.TIMER_DELAY_MS ->
                throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, DELAY_REMARK);
            case MessageProperty.TRAN_MSG -> {
                if (Boolean.parseBoolean(value.trim())) {
                    throw new SendRejection(ResponseCode.MESSAGE_ILLEGAL, TRANSACTION_REMARK);
                }
            }
            default -> {}
        }
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
