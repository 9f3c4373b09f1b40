package io.ferrymq.remoting;

import static io.ferrymq.remoting.TestEndpoints.ECHO;
import static io.ferrymq.remoting.TestEndpoints.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferrymq.protocol.RemotingCommand;
import io.ferrymq.protocol.SerializeType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random frames, one per raw socket, then a normal client call. Reproduce a failure with
 * {@code -Dfuzz.seed=<the printed seed>}.
 */
class FuzzTest {
    private static final int FRAMES = 2000;
    private static final int SENDERS = 8;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void serverSurvivesRandomFramesAndStillAnswers() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        // one WARN per rejected connection is the contract (BadInputTest); here it would be noise
        QuietLogger quiet = QuietLogger.silence("io.ferrymq.remoting.internal.ConnectionWatcher");
        System.out.println("FuzzTest seed=" + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        List<byte[]> frames = generate(new Random(seed));
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        ExecutorService handlers = Executors.newFixedThreadPool(4);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try (RemotingServer server = new RemotingServer(TestEndpoints.serverConfig());
                RemotingClient client = new RemotingClient(TestEndpoints.clientConfig())) {
            server.registerHandler(ECHO, TestEndpoints.echo(), handlers);
            server.addChannelListener(counting(opened, closed));
            server.start();

            sendAll(frames, server.port(), senders);

            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(closed).hasValue(opened.get()));
            RemotingCommand response = client.invokeSync(TestEndpoints.addr(server), echoRequest("alive"), 3000);
            assertThat(response.extField("value")).isEqualTo("alive");
        } finally {
            quiet.restore();
            senders.shutdownNow();
            handlers.shutdownNow();
        }
    }

    private static void sendAll(List<byte[]> frames, int port, ExecutorService senders) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int first = s;
            done.add(senders.submit(() -> {
                for (int i = first; i < frames.size(); i += SENDERS) {
                    sendOne(port, frames.get(i));
                }
                return null;
            }));
        }
        for (Future<?> sender : done) {
            sender.get(18, TimeUnit.SECONDS);
        }
    }

    /** Sends one frame, half-closes, and reads until the server closes or 2 s pass. */
    private static void sendOne(int port, byte[] frame) throws IOException {
        try (RawSocket socket = RawSocket.connect(port, 2000)) {
            try {
                socket.send(frame);
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may close before all bytes are written; that is a valid outcome
            }
            socket.drain();
        }
    }

    private static List<byte[]> generate(Random random) {
        List<byte[]> frames = new ArrayList<>(FRAMES);
        for (int i = 0; i < FRAMES; i++) {
            frames.add(
                    switch (random.nextInt(5)) {
                        case 0 -> randomBytes(random, 1 + random.nextInt(64));
                        case 1 -> truncated(random, valid(random));
                        case 2 -> mutated(random, valid(random));
                        case 3 -> randomLength(random);
                        default -> valid(random);
                    });
        }
        return frames;
    }

    private static byte[] valid(Random random) {
        RemotingCommand command = random.nextBoolean()
                ? echoRequest(Long.toString(random.nextLong()))
                : RemotingCommand.request(random.nextInt(400)).remark("r" + random.nextInt());
        if (random.nextInt(4) == 0) {
            command.serializeType(SerializeType.ROCKETMQ);
        }
        if (random.nextInt(4) == 0) {
            command.markOneway();
        }
        if (random.nextInt(8) == 0) {
            command.flag(command.flag() | RemotingCommand.FLAG_RESPONSE);
        }
        return Frames.encode(command.opaque(random.nextInt()).body(randomBytes(random, random.nextInt(32))));
    }

    private static byte[] truncated(Random random, byte[] frame) {
        return Arrays.copyOf(frame, 1 + random.nextInt(frame.length - 1));
    }

    private static byte[] mutated(Random random, byte[] frame) {
        int flips = 1 + random.nextInt(4);
        for (int f = 0; f < flips; f++) {
            // bias toward the first bytes: the length and header-info fields and the header start
            int at = random.nextBoolean() ? random.nextInt(Math.min(16, frame.length)) : random.nextInt(frame.length);
            frame[at] = (byte) random.nextInt(256);
        }
        return frame;
    }

    private static byte[] randomLength(Random random) {
        int length = random.nextBoolean() ? random.nextInt() : random.nextInt(200);
        return ByteBuffer.allocate(4 + 32)
                .putInt(length)
                .put(randomBytes(random, 32))
                .array();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static ChannelListener counting(AtomicInteger opened, AtomicInteger closed) {
        return new ChannelListener() {
            @Override
            public void onConnected(RemoteChannel channel) {
                opened.incrementAndGet();
            }

            @Override
            public void onClosed(RemoteChannel channel) {
                closed.incrementAndGet();
            }
        };
    }
}
