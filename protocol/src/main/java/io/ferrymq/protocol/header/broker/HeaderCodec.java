package io.ferrymq.protocol.header.broker;

import java.util.Map;
import java.util.Set;

/**
 * Reads and writes one typed header from and to a command's {@code extFields}. Implementations are
 * stateless and thread-safe.
 *
 * @param <H> the header record
 */
public interface HeaderCodec<H extends Record> {
    /** The record this codec produces. */
    Class<H> type();

    /** Every key this codec reads and writes. */
    Set<String> keys();

    /**
     * Decodes {@code fields}; null is read as empty, unknown keys are ignored.
     *
     * @throws io.ferrymq.protocol.InvalidHeaderException when a required key is missing or a value
     *     does not parse; the message names the key
     */
    H decode(Map<String, String> fields);

    /** Writes every non-null component of {@code header} into {@code fields} as a string. */
    void encodeInto(H header, Map<String, String> fields);
}
