/**
 * PULL_MESSAGE and LITE_PULL_MESSAGE: checks, the subscription's TAG filter (hash on the consume
 * queue, confirmed on the stored TAGS), reads mapped to §4.4's codes and offsets, and long polling —
 * pulls with nothing to return are held (no thread) until the dispatcher reports a message on their
 * queue or their suspend time runs out.
 */
package io.ferrymq.broker.internal.consume.pull;
