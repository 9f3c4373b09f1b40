package io.ferrymq.client.it;

import io.ferrymq.client.Message;
import io.ferrymq.client.TransactionProducer;
import io.ferrymq.client.TransactionState;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A FerryMQ-client producer that dies half way: {@code HalfThenHangMain <namesrv> <group> <topic>
 * <body>} sends one transactional message and never finishes its local transaction (prints {@code
 * HALF-SENT}, then waits to be killed).
 */
public final class HalfThenHangMain {
    /** Never counted down: the local transaction never ends, SIGKILL comes first. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private HalfThenHangMain() {}

    public static void main(String[] args) {
        TransactionProducer producer = TransactionProducer.builder()
                .namesrvAddr(args[0])
                .producerGroup(args[1])
                .localTransaction((message, msgId, arg) -> {
                    System.out.println("HALF-SENT " + msgId);
                    System.out.flush();
                    try {
                        NEVER.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TransactionState.UNKNOWN;
                })
                .checker(message -> TransactionState.UNKNOWN)
                .build();
        producer.send(Message.of(args[2], args[3].getBytes(StandardCharsets.UTF_8)), null);
    }
}
