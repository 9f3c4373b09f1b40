package io.ferrymq.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The load: the official RocketMQ client, run in its own JVM on RocketMQ's classpath against
 * whichever nameserver it is given. {@code OfficialClientLoad <mode> <namesrv> <topic> <threads>
 * <warmupS> <seconds|messages> <bodyBytes>}, mode {@code sync}, {@code batch}, {@code transaction}
 * (TransactionMQProducer, every local transaction commits) or {@code drain}.
 * Prints {@code MEASURE start} and {@code MEASURE end messages=N} around the measured window and one
 * {@code RESULT} line.
 */
public final class OfficialClientLoad {
    private static final int BATCH = 32;
    /** Printed when the measured window opens; {@link LoadRun} samples the servers' CPU then. */
    static final String MEASURE_START = "MEASURE start";
    /** Printed when it closes, with the messages it counted: {@code MEASURE end messages=N}. */
    static final String MEASURE_END = "MEASURE end";

    private OfficialClientLoad() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String namesrv = args[1];
        String topic = args[2];
        int threads = Integer.parseInt(args[3]);
        int warmupSeconds = Integer.parseInt(args[4]);
        long amount = Long.parseLong(args[5]);
        byte[] body = new byte[Integer.parseInt(args[6])];
        switch (mode) {
            case "sync" -> sends(namesrv, topic, threads, warmupSeconds, amount, body, 1);
            case "batch" -> sends(namesrv, topic, threads, warmupSeconds, amount, body, BATCH);
            case "transaction" -> sends(namesrv, topic, threads, warmupSeconds, amount, body, 0);
            case "drain" -> drain(namesrv, topic, threads, amount, body);
            default -> throw new IllegalArgumentException("mode: sync, batch, transaction or drain");
        }
        System.exit(0);
    }

    private static DefaultMQProducer producer(String namesrv) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("bench-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setSendMsgTimeout(10_000);
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        producer.start();
        return producer;
    }

    /**
     * Closed-loop sends of one message or one batch at a time from each thread; {@code perCall} 0:
     * transactional sends of one message, committed by the local-transaction listener.
     */
    private static void sends(
            String namesrv, String topic, int threads, int warmupS, long seconds, byte[] body, int perCall)
            throws Exception {
        boolean transactional = perCall == 0;
        DefaultMQProducer producer = transactional ? transactionProducer(namesrv) : producer(namesrv);
        producer.send(new Message(topic, body)); // route, connection, topic creation
        Recorder latencyUs = new Recorder(3);
        AtomicLong sent = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean failed = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(
                    () -> {
                        List<Message> batch = new ArrayList<>();
                        for (int i = 0; i < Math.max(perCall, 1); i++) {
                            batch.add(new Message(topic, "TagA", body));
                        }
                        while (!stop.get()) {
                            long start = System.nanoTime();
                            try {
                                SendResult result = transactional
                                        ? ((TransactionMQProducer) producer)
                                                .sendMessageInTransaction(new Message(topic, "TagA", body), null)
                                        : perCall == 1 ? producer.send(batch.get(0)) : producer.send(batch);
                                if (result.getSendStatus() != SendStatus.SEND_OK) {
                                    failed.set(true);
                                }
                            } catch (Exception e) {
                                failed.set(true);
                                continue;
                            }
                            latencyUs.recordValue((System.nanoTime() - start) / 1000);
                            sent.addAndGet(Math.max(perCall, 1));
                        }
                    },
                    "load-" + t);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(warmupS * 1000L);
        latencyUs.getIntervalHistogram();
        long before = sent.get();
        long startNs = System.nanoTime();
        System.out.println(MEASURE_START);
        Thread.sleep(seconds * 1000L);
        long count = sent.get() - before;
        double elapsed = (System.nanoTime() - startNs) / 1e9;
        System.out.println(MEASURE_END + " messages=" + count);
        var histogram = latencyUs.getIntervalHistogram();
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        producer.shutdown();
        System.out.printf(
                Locale.ROOT,
                "RESULT messagesPerSecond=%.0f p50us=%d p99us=%d p999us=%d failures=%s%n",
                count / elapsed,
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                failed.get() ? 1 : 0);
    }

    /** A transactional producer whose local transactions all commit at once. */
    private static DefaultMQProducer transactionProducer(String namesrv) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer("bench-tx-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setSendMsgTimeout(10_000);
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        return producer;
    }

    private static List<Message> messages(String topic, byte[] body, int count) {
        List<Message> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(new Message(topic, "TagA", body));
        }
        return batch;
    }

    /** Fills a backlog of {@code messages}, then times a push consumer draining it from the first offset. */
    private static void drain(String namesrv, String topic, int threads, long messages, byte[] body) throws Exception {
        DefaultMQProducer producer = producer(namesrv);
        for (long sent = 0; sent < messages; sent += BATCH) {
            producer.send(messages(topic, body, BATCH));
        }
        producer.shutdown();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong consumed = new AtomicLong();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("bench-drain-" + System.nanoTime());
        consumer.setNamesrvAddr(namesrv);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        consumer.setConsumeMessageBatchMaxSize(32);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (list, context) -> {
            list.forEach(m -> seen.add(m.getMsgId()));
            consumed.addAndGet(list.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long start = System.nanoTime();
        System.out.println(MEASURE_START);
        consumer.start();
        long deadline = start + 600_000_000_000L;
        while (seen.size() < messages && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.println(MEASURE_END + " messages=" + seen.size());
        consumer.shutdown();
        System.out.printf(
                Locale.ROOT,
                "RESULT messagesPerSecond=%.0f drained=%d deliveries=%d seconds=%.2f%n",
                seen.size() / elapsed,
                seen.size(),
                consumed.get(),
                elapsed);
    }
}
