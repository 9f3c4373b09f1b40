/**
 * The stored-message record: the byte format the commit log appends, the pull path sends without
 * re-encoding, and recovery validates. {@link io.ferrymq.protocol.message.MessageRecordLayout} is the
 * one description of that format; {@link io.ferrymq.protocol.message.MessageRecordEncoder} writes it
 * and {@link io.ferrymq.protocol.message.StoredRecord} reads it in place. Around it sit the property
 * string ({@link io.ferrymq.protocol.message.MessageProperties}), the sysFlag bits, the two message id
 * forms ({@link io.ferrymq.protocol.message.MessageIds}, {@link
 * io.ferrymq.protocol.message.UniqueKeyGenerator}) and the SEND_BATCH_MESSAGE body ({@link
 * io.ferrymq.protocol.message.BatchBodyCodec}). All integers are big-endian. The code here sits on the
 * append, dispatch and pull hot paths: it allocates only where a caller asks for an object.
 */
package io.ferrymq.protocol.message;
