/**
 * What the consume-side handlers share on the wire: building responses with typed headers, pull and
 * query bodies out of stored records, and the JSON shapes of queues. Depends only on protocol.
 */
package io.ferrymq.broker.internal.consume.wire;
