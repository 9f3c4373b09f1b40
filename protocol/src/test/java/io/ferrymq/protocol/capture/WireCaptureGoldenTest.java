package io.ferrymq.protocol.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.FrameLayout;
import io.ferrymq.protocol.InvalidHeaderException;
import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.RequestCode;
import io.ferrymq.protocol.ResponseCode;
import io.ferrymq.protocol.header.broker.HeaderCodec;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame of the real 5.2.0 capture: decoded from its logged bytes, compared with the logged
 * JSON, re-encoded and decoded again; and, where a typed header exists, its custom header decoded
 * into the record and written back unchanged (keys the record does not model aside).
 */
class WireCaptureGoldenTest {
    private static final List<CaptureFrame> FRAMES = WireCapture.frames();
    private static final Map<Integer, Integer> REQUEST_CODE_OF_RESPONSE = ResponsePairing.requestCodes(FRAMES);
    private static final Set<Integer> PULL_CODES = Set.of(RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE);
    private static final Set<Integer> SEND_CODES =
            Set.of(RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE);

    private static final AtomicInteger decoded = new AtomicInteger();
    private static final AtomicInteger requests = new AtomicInteger();
    private static final AtomicInteger typedRequests = new AtomicInteger();
    private static final AtomicInteger typedResponses = new AtomicInteger();
    private static final Map<String, Integer> untypedRequestCodes = new TreeMap<>();
    private static final Map<String, Set<String>> unmodelledKeys = new TreeMap<>();

    static Stream<Arguments> frames() {
        return IntStream.range(0, FRAMES.size()).mapToObj(i -> Arguments.of(i, FRAMES.get(i)));
    }

    @Test
    void everyFrameLineOfTheCaptureIsParsed() {
        assertThat(FRAMES).hasSize((int) WireCapture.frameLineCount()).hasSizeGreaterThan(500);
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("frames")
    void frameDecodesReEncodesAndTypes(int index, CaptureFrame frame) {
        JSONObject logged = frame.header();
        RemotingCommand command = CommandCodec.decode(frame.frameWithoutLength());
        assertMatchesLog(command, frame, logged);
        decoded.incrementAndGet();

        reEncodeAndCompare(command, logged);

        if (!command.isResponse()) {
            requests.incrementAndGet();
            checkRequestHeader(frame, command);
        } else if (REQUEST_CODE_OF_RESPONSE.containsKey(index)) {
            checkResponseHeader(frame, command, REQUEST_CODE_OF_RESPONSE.get(index));
        }
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "wire capture: %d frames decoded and re-encoded; %d of %d requests typed; %d responses typed; "
                        + "requests without a typed header: %s; keys no record models: %s%n",
                decoded.get(),
                typedRequests.get(),
                requests.get(),
                typedResponses.get(),
                untypedRequestCodes,
                unmodelledKeys);
    }

    private static void assertMatchesLog(RemotingCommand command, CaptureFrame frame, JSONObject logged) {
        assertThat(command.serializeType().code()).isEqualTo((byte) frame.serializeType());
        assertThat(command.code()).isEqualTo(logged.getIntValue("code"));
        assertThat(command.flag()).isEqualTo(logged.getIntValue("flag"));
        assertThat(command.opaque()).isEqualTo(logged.getIntValue("opaque"));
        assertThat(command.version()).isEqualTo(logged.getIntValue("version"));
        assertThat(command.language().name()).isEqualTo(logged.getString("language"));
        assertThat(command.remark()).isEqualTo(logged.getString("remark"));
        assertThat(command.extFields()).isEqualTo(frame.extFields());
        assertThat(command.body()).isEqualTo(frame.body());
    }

    private static void reEncodeAndCompare(RemotingCommand command, JSONObject logged) {
        ByteBuffer frame = CommandCodec.encode(command);
        assertThat(frame.getInt()).isEqualTo(frame.remaining());
        int headerLength = FrameLayout.headerLength(frame.getInt(frame.position()));
        byte[] header = new byte[headerLength];
        frame.get(frame.position() + FrameLayout.HEADER_INFO_BYTES, header);

        RemotingCommand again = CommandCodec.decode(frame);
        assertEquivalent(again, command);

        JSONObject reEncoded = JSON.parseObject(header);
        if (!logged.containsKey("serializeTypeCurrentRPC")) {
            reEncoded.remove("serializeTypeCurrentRPC");
        }
        assertThat(reEncoded).isEqualTo(logged);
    }

    static void assertEquivalent(RemotingCommand actual, RemotingCommand expected) {
        assertThat(actual.code()).isEqualTo(expected.code());
        assertThat(actual.flag()).isEqualTo(expected.flag());
        assertThat(actual.opaque()).isEqualTo(expected.opaque());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.language()).isEqualTo(expected.language());
        assertThat(actual.remark()).isEqualTo(expected.remark());
        assertThat(actual.extFields()).isEqualTo(expected.extFields());
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    private static void checkRequestHeader(CaptureFrame frame, RemotingCommand command) {
        HeaderCodec<?> codec = TypedHeaders.request(frame.server(), command.code());
        if (codec == null) {
            String name = frame.server() + " " + command.code() + " " + RequestCode.nameOf(command.code());
            synchronized (untypedRequestCodes) {
                untypedRequestCodes.merge(name, 1, Integer::sum);
            }
            return;
        }
        roundTrip(codec, command.extFields(), frame);
        checkRequired(codec, DocRequiredKeys.REQUESTS.get(command.code()), command.extFields(), frame);
        typedRequests.incrementAndGet();
    }

    private static void checkResponseHeader(CaptureFrame frame, RemotingCommand command, int requestCode) {
        HeaderCodec<?> codec = TypedHeaders.response(frame.server(), requestCode);
        boolean carriesHeader = command.code() == ResponseCode.SUCCESS
                || (PULL_CODES.contains(requestCode) && command.code() >= 19 && command.code() <= 21)
                || (SEND_CODES.contains(requestCode) && command.code() >= 10 && command.code() <= 12);
        if (codec == null || !carriesHeader) {
            return;
        }
        roundTrip(codec, command.extFields(), frame);
        checkRequired(codec, DocRequiredKeys.RESPONSES.get(requestCode), command.extFields(), frame);
        typedResponses.incrementAndGet();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrip(HeaderCodec codec, Map<String, String> fields, CaptureFrame frame) {
        Record header = codec.decode(fields);
        Map<String, String> encoded = new HashMap<>();
        codec.encodeInto(header, encoded);
        Map<String, String> modelled = new HashMap<>(fields == null ? Map.of() : fields);
        modelled.keySet().retainAll(codec.keys());
        if (fields != null && modelled.size() < fields.size()) {
            Set<String> ignored = new TreeSet<>(fields.keySet());
            ignored.removeAll(codec.keys());
            synchronized (unmodelledKeys) {
                unmodelledKeys
                        .computeIfAbsent(codec.type().getSimpleName(), k -> new TreeSet<>())
                        .addAll(ignored);
            }
        }
        assertThat(encoded)
                .as("%s re-encoded from %s", codec.type().getSimpleName(), frame)
                .isEqualTo(modelled);
    }

    private static void checkRequired(
            HeaderCodec<?> codec, List<String> required, Map<String, String> fields, CaptureFrame frame) {
        if (required == null) {
            return;
        }
        assertThat(codec.keys()).as("keys of %s", codec.type().getSimpleName()).containsAll(required);
        for (String key : required) {
            Map<String, String> without = new HashMap<>(fields == null ? Map.of() : fields);
            if (without.remove(key) == null) {
                continue;
            }
            assertThatThrownBy(() -> codec.decode(without))
                    .as("%s without required '%s' (%s)", codec.type().getSimpleName(), key, frame)
                    .isInstanceOf(InvalidHeaderException.class)
                    .hasMessageContaining("'" + key + "'");
        }
    }
}
