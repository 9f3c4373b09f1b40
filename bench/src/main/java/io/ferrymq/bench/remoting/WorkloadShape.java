package io.ferrymq.bench.remoting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each round trip carries: a request shaped like a producer's SEND_MESSAGE_V2 (its custom
 * header and a body of {@code bodyBytes}) and a response shaped like the broker's answer.
 */
public record WorkloadShape(int bodyBytes, int serverWorkerThreads) {
    public static final int REQUEST_CODE = 310;

    /** The request's custom header, as a 5.x producer sends it. */
    public Map<String, String> requestFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "bench-producer-group");
        fields.put("b", "BenchTopic");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", "1");
        fields.put("f", "0");
        fields.put("g", "1795228128928");
        fields.put("h", "0");
        fields.put(
                "i",
                "UNIQ_KEY\u0001FD000000000000000000000000000002077A30946E0967876E9F0000\u0002WAIT\u0001true\u0002");
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", "broker-a");
        return fields;
    }

    /** The response's custom header, as a broker answers a send. */
    public static Map<String, String> responseFields(long queueOffset) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("msgId", "7F000001000051AF0000000000000000");
        fields.put("queueId", "1");
        fields.put("queueOffset", Long.toString(queueOffset));
        fields.put("transactionId", "FD000000000000000000000000000002077A30946E0967876E9F0000");
        fields.put("MSG_REGION", "DefaultRegion");
        fields.put("TRACE_ON", "true");
        return fields;
    }
}
