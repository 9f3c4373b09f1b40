package io.ferrymq.broker.internal.transaction;

import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.FerryAdminFields;
import io.ferrymq.protocol.route.JsonBodyCodec;
import io.ferrymq.remoting.RequestHandler;
import io.ferrymq.transaction.Decision;
import io.ferrymq.transaction.EndResult;
import io.ferrymq.transaction.TransactionCoordinator;
import java.util.Map;

/**
 * FerryMQ's admin requests over unsettled half messages, bodies in JSON:
 *
 * <ul>
 *   <li>FERRY_TRANSACTION_STATS (7021): {@link io.ferrymq.transaction.TransactionStats};
 *   <li>FERRY_TRANSACTION_LIST (7022): header {@code state} = {@code unresolved} (parked after the
 *       last check; the default) or {@code pending}, {@code max} (default 100): a JSON array of {@link
 *       io.ferrymq.transaction.HalfInfo};
 *   <li>FERRY_TRANSACTION_RESOLVE (7023): header {@code halfOffset}, {@code decision} = {@code COMMIT}
 *       or {@code ROLLBACK}: the operator settles a half; the body is the {@link EndResult}. SUCCESS
 *       when applied or already settled the same way, SYSTEM_ERROR otherwise.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class TransactionAdminHandlers {
    private TransactionAdminHandlers() {}

    public static RequestHandler stats(TransactionCoordinator transactions) {
        return (channel, request) -> Answers.success(request, JsonBodyCodec.encode(transactions.stats()));
    }

    public static RequestHandler list(TransactionCoordinator transactions) {
        return (channel, request) -> {
            Map<String, String> fields = fields(request);
            String state = fields.getOrDefault(FerryAdminFields.STATE, "unresolved");
            int max;
            try {
                max = Integer.parseInt(fields.getOrDefault(FerryAdminFields.MAX, "100"));
            } catch (NumberFormatException e) {
                return Answers.of(
                        request,
                        ResponseCode.INVALID_PARAMETER,
                        "max must be a number: " + fields.get(FerryAdminFields.MAX));
            }
            return switch (state) {
                case "unresolved" -> Answers.success(request, JsonBodyCodec.encode(transactions.unresolved(max)));
                case "pending" -> Answers.success(request, JsonBodyCodec.encode(transactions.pending(max)));
                default ->
                    Answers.of(
                            request,
                            ResponseCode.INVALID_PARAMETER,
                            "state must be unresolved or pending, was " + state);
            };
        };
    }

    public static RequestHandler resolve(TransactionCoordinator transactions) {
        return (channel, request) -> {
            Map<String, String> fields = fields(request);
            long offset;
            Decision decision;
            try {
                offset = Long.parseLong(fields.get(FerryAdminFields.HALF_OFFSET));
                decision = Decision.valueOf(fields.get(FerryAdminFields.DECISION));
            } catch (RuntimeException e) {
                return Answers.of(
                        request,
                        ResponseCode.INVALID_PARAMETER,
                        "halfOffset (a commit-log offset) and decision (COMMIT or ROLLBACK) are required");
            }
            if (decision == Decision.UNKNOWN) {
                return Answers.of(request, ResponseCode.INVALID_PARAMETER, "decision must be COMMIT or ROLLBACK");
            }
            EndResult result = transactions.resolve(offset, decision);
            boolean ok = result.status() == EndResult.Status.COMMITTED
                    || result.status() == EndResult.Status.ROLLED_BACK
                    || (result.status() == EndResult.Status.ALREADY_SETTLED && result.settledAs() == decision);
            RemotingCommand response = ok
                    ? RemotingCommand.successTo(request)
                    : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, result.detail());
            return response.body(JsonBodyCodec.encode(result));
        };
    }

    private static Map<String, String> fields(RemotingCommand request) {
        return request.extFields() == null ? Map.of() : request.extFields();
    }
}
