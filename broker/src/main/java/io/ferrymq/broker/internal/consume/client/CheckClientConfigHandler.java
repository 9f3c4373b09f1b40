package io.ferrymq.broker.internal.consume.client;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import io.ferrymq.broker.internal.consume.wire.Answers;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.remoting.RemoteChannel;
import io.ferrymq.remoting.RequestHandler;

/**
 * CHECK_CLIENT_CONFIG (46): the client asks whether its non-TAG subscription is acceptable. FerryMQ
 * filters by TAG only: TAG answers SUCCESS, anything else (SQL92) SUBSCRIPTION_PARSE_FAILED with a
 * remark saying so. Body {@code {"group":...,"subscriptionData":{...}}}. Stateless.
 */
public final class CheckClientConfigHandler implements RequestHandler {

    @Override
    public RemotingCommand handle(RemoteChannel channel, RemotingCommand request) {
        CheckClientRequestBody body;
        try {
            body = JSON.parseObject(request.body(), CheckClientRequestBody.class);
        } catch (JSONException e) {
            return Answers.of(request, ResponseCode.INVALID_PARAMETER, "malformed CHECK_CLIENT_CONFIG body");
        }
        SubscriptionData sub = body == null ? null : body.subscriptionData();
        if (sub == null || sub.isTagType()) {
            return Answers.success(request);
        }
        return Answers.of(
                request,
                ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                "expression type " + sub.expressionType() + " is not supported by FerryMQ; use TAG");
    }

    /** The request body. */
    public record CheckClientRequestBody(String clientId, String group, SubscriptionData subscriptionData) {}
}
