package io.ferrymq.broker.internal.consume.client;

import java.util.List;

/**
 * One topic subscription of a consumer group, as HEART_BEAT carries it: the raw expression ({@code
 * subString}, {@code *} for all), the client's parsed tags and their {@code String.hashCode()}s, the
 * expression type ({@code TAG} or {@code SQL92}) and the version the client bumps on every change.
 * Immutable.
 */
public record SubscriptionData(
        String topic,
        String subString,
        List<String> tagsSet,
        List<Integer> codeSet,
        String expressionType,
        long subVersion,
        boolean classFilterMode) {

    public static final String TAG = "TAG";

    public SubscriptionData {
        tagsSet = tagsSet == null ? List.of() : List.copyOf(tagsSet);
        codeSet = codeSet == null ? List.of() : List.copyOf(codeSet);
        expressionType = expressionType == null ? TAG : expressionType;
    }

    public boolean isTagType() {
        return TAG.equalsIgnoreCase(expressionType);
    }
}
