package io.ferrymq.broker.internal.transaction;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.HeaderBinding;
import io.ferrymq.protocol.header.broker.EndTransactionRequestHeader;
import io.ferrymq.protocol.message.MessageSysFlag;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;
import io.ferrymq.transaction.Decision;
import io.ferrymq.transaction.EndResult;
import io.ferrymq.transaction.TransactionCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37), usually oneway (wire-protocol §4.8): {@code commitOrRollback} 8 commits the
 * half at {@code commitLogOffset} (delivered to its real topic with its message id), 12 rolls it
 * back, 0 leaves it pending. Idempotent: a repeated or late decision for a settled half changes
 * nothing. When the request wants an answer: SUCCESS once the decision is applied (or was already),
 * SYSTEM_ERROR naming why otherwise. Thread-safe.
 */
public final class EndTransactionHandler implements RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EndTransactionHandler.class);
    private static final HeaderBinding<EndTransactionRequestHeader> HEADER =
            HeaderBinding.of(EndTransactionRequestHeader.class);

    private final TransactionCoordinator transactions;

    public EndTransactionHandler(TransactionCoordinator transactions) {
        this.transactions = transactions;
    }

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        EndTransactionRequestHeader header = HEADER.decode(request.extFields());
        Decision decision = switch (header.commitOrRollback()) {
            case MessageSysFlag.TRANSACTION_COMMIT_TYPE -> Decision.COMMIT;
            case MessageSysFlag.TRANSACTION_ROLLBACK_TYPE -> Decision.ROLLBACK;
            case MessageSysFlag.TRANSACTION_NOT_TYPE -> Decision.UNKNOWN;
            default -> null;
        };
        if (decision == null) {
            return RemotingCommand.responseTo(
                    request,
                    ResponseCode.INVALID_PARAMETER,
                    "commitOrRollback must be 8 (commit), 12 (rollback) or 0 (unknown), was "
                            + header.commitOrRollback());
        }
        transactions
                .end(header.commitLogOffset(), decision, header.producerGroup(), header.msgId())
                .whenComplete((result, failure) -> answer(channel, request, header, result, failure));
        return null;
    }

    private static void answer(
            RemoteChannel channel,
            RemotingCommand request,
            EndTransactionRequestHeader header,
            EndResult result,
            Throwable failure) {
        boolean ok = failure == null
                && result.status() != EndResult.Status.FAILED
                && result.status() != EndResult.Status.REJECTED
                && result.status() != EndResult.Status.UNKNOWN_HALF;
        if (!ok) {
            LOG.info(
                    "END_TRANSACTION for {} (offset {}, group {}) not applied: {}",
                    header.msgId(),
                    header.commitLogOffset(),
                    header.producerGroup(),
                    failure != null ? failure.toString() : result);
        }
        if (request.isOneway()) {
            return;
        }
        RemotingCommand response = ok
                ? RemotingCommand.successTo(request)
                : RemotingCommand.responseTo(
                        request,
                        ResponseCode.SYSTEM_ERROR,
                        failure != null ? "end transaction failed: " + failure : result.detail());
        channel.writeResponse(response);
    }
}
