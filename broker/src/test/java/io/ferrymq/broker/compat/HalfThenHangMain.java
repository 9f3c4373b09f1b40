package io.ferrymq.broker.compat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A producer that dies half way: {@code HalfThenHangMain <namesrv> <group> <topic> <body>} sends one
 * transactional message with the official client and never finishes its local transaction (it prints
 * {@code HALF-SENT} and waits to be killed), so the broker holds a half message nobody decided.
 */
public final class HalfThenHangMain {
    /** Never counted down: the "local transaction" never ends, SIGKILL comes first. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private HalfThenHangMain() {}

    public static void main(String[] args) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(args[1]);
        producer.setNamesrvAddr(args[0]);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                System.out.println("HALF-SENT");
                System.out.flush();
                try {
                    NEVER.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.UNKNOW;
            }
        });
        producer.start();
        producer.sendMessageInTransaction(new Message(args[2], args[3].getBytes(StandardCharsets.UTF_8)), null);
    }
}
