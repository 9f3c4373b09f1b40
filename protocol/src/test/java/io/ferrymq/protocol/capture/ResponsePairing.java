package io.ferrymq.protocol.capture;

import io.ferrymq.protocol.header.broker.HeaderCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the request each captured response answers. The capture does not say which connection a
 * frame used, so a response is matched by server, opposite direction and opaque to an unanswered
 * request; when several clients' requests share the opaque, the one whose response header can hold
 * the response's keys wins.
 */
final class ResponsePairing {
    private ResponsePairing() {}

    /** Request code by index of the response frame in {@code frames}. */
    static Map<Integer, Integer> requestCodes(List<CaptureFrame> frames) {
        Map<String, List<Integer>> pending = new HashMap<>();
        Map<Integer, Integer> requestCodeOfResponse = new HashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            CaptureFrame frame = frames.get(i);
            int flag = frame.header().getIntValue("flag");
            if ((flag & 1) == 0) {
                if ((flag & 2) == 0) {
                    pending.computeIfAbsent(
                                    key(frame.server(), frame.direction(), frame.opaque()), k -> new ArrayList<>())
                            .add(frame.code());
                }
                continue;
            }
            String requestDirection = "C->S".equals(frame.direction()) ? "S->C" : "C->S";
            List<Integer> candidates = pending.get(key(frame.server(), requestDirection, frame.opaque()));
            if (candidates == null || candidates.isEmpty()) {
                continue;
            }
            int chosen = choose(frame, candidates);
            requestCodeOfResponse.put(i, candidates.remove(chosen));
        }
        return requestCodeOfResponse;
    }

    private static int choose(CaptureFrame response, List<Integer> candidates) {
        Map<String, String> fields = response.extFields();
        Set<String> keys = fields == null ? Set.of() : fields.keySet();
        for (int i = 0; i < candidates.size(); i++) {
            HeaderCodec<?> codec = TypedHeaders.response(response.server(), candidates.get(i));
            boolean fits = codec == null
                    ? keys.isEmpty()
                    : !keys.isEmpty() && codec.keys().containsAll(keys);
            if (fits) {
                return i;
            }
        }
        return 0;
    }

    private static String key(String server, String direction, int opaque) {
        return server + ' ' + direction + ' ' + opaque;
    }
}
