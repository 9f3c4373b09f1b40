package io.ferrymq.client;

/**
 * Answers the broker's question about a half message whose local transaction did not say COMMIT or
 * ROLLBACK (it answered UNKNOWN, threw, or its producer died before answering): look the local
 * transaction up by {@link MessageView#msgId()} and say what became of it. The broker asks again
 * later on {@link TransactionState#UNKNOWN} or an exception, up to its {@code transactionCheckMax}.
 * Called on a client thread; any producer of the group may be asked, also one started after the
 * message was sent.
 */
@FunctionalInterface
public interface TransactionChecker {
    TransactionState check(MessageView message);
}
