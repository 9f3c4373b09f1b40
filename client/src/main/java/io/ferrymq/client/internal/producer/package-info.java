/**
 * The send path: publish queues (with the TBW102 auto-create fall-back), queue choice, the
 * SEND_MESSAGE_V2 / SEND_BATCH_MESSAGE codec, and retries within one timeout. Not API.
 */
package io.ferrymq.client.internal.producer;
