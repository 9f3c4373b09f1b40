package io.ferrymq.bench.e2e;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    /** Messages drained, untimed, before the measured drain. */
    private static final long DRAIN_WARMUP_MESSAGES = 300_000;
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

    /**
     * Fills a warm-up backlog and the measured one, drains the warm-up backlog with one push consumer
     * (so the broker's and this JVM's pull and consume paths are compiled, as in a broker that has been
     * serving), then times a second consumer, of another group and in a client instance of its own,
     * draining the measured backlog from its first offset. {@code messagesPerSecond} is the drain rate
     * from the first message received to the last; {@code firstMessageSeconds} is the time from the
     * consumer's {@code start()} to its first message (the client's start-up and first rebalance, about
     * one second of which the client waits on its own), {@code seconds} the whole time.
     */
    private static void drain(String namesrv, String topic, int threads, long messages, byte[] body) throws Exception {
        DefaultMQProducer producer = producer(namesrv);
        String warmupTopic = topic + "Warmup";
        long warmupMessages = Math.min(messages, DRAIN_WARMUP_MESSAGES);
        fill(producer, warmupTopic, warmupMessages, body);
        fill(producer, topic, messages, body);
        DrainCount warmup = new DrainCount();
        DefaultMQPushConsumer warmupConsumer = drainingConsumer(namesrv, warmupTopic, threads, warmup);
        warmupConsumer.start();
        warmup.await(warmupMessages);
        warmupConsumer.shutdown();
        DrainCount measured = new DrainCount();
        DefaultMQPushConsumer consumer = drainingConsumer(namesrv, topic, threads, measured);
        consumer.setInstanceName("bench-drain-measured");
        long start = System.nanoTime();
        System.out.println(MEASURE_START);
        consumer.start();
        measured.await(messages);
        long end = System.nanoTime();
        System.out.println(MEASURE_END + " messages=" + measured.distinct());
        consumer.shutdown();
        producer.shutdown();
        System.out.printf(
                Locale.ROOT,
                "RESULT messagesPerSecond=%.0f drained=%d deliveries=%d firstMessageSeconds=%.2f seconds=%.2f%n",
                measured.distinct() / ((end - measured.firstNanos()) / 1e9),
                measured.distinct(),
                measured.deliveries(),
                (measured.firstNanos() - start) / 1e9,
                (end - start) / 1e9);
    }

    private static void fill(DefaultMQProducer producer, String topic, long messages, byte[] body) throws Exception {
        for (long sent = 0; sent < messages; sent += BATCH) {
            producer.send(messages(topic, body, BATCH));
        }
    }

    private static DefaultMQPushConsumer drainingConsumer(String namesrv, String topic, int threads, DrainCount count)
            throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("bench-drain-" + System.nanoTime());
        consumer.setNamesrvAddr(namesrv);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        consumer.setConsumeMessageBatchMaxSize(32);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (list, context) -> {
            list.forEach(count::record);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return consumer;
    }

    /**
     * Distinct messages seen, by queue and queue offset: one bit each, so counting costs the load next to
     * nothing per message (a set of a million message ids cost it about a microsecond each, and the
     * garbage collector the rest).
     */
    private static final class DrainCount {
        private final Map<Integer, BitSet> seenByQueue = new ConcurrentHashMap<>();
        private final AtomicLong distinct = new AtomicLong();
        private final AtomicLong deliveries = new AtomicLong();
        private final AtomicLong firstNanos = new AtomicLong();

        void record(MessageExt message) {
            if (deliveries.getAndIncrement() == 0) {
                firstNanos.set(System.nanoTime());
            }
            BitSet seen = seenByQueue.computeIfAbsent(message.getQueueId(), q -> new BitSet());
            int offset = Math.toIntExact(message.getQueueOffset());
            synchronized (seen) {
                if (seen.get(offset)) {
                    return;
                }
                seen.set(offset);
            }
            distinct.incrementAndGet();
        }

        void await(long messages) throws InterruptedException {
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (distinct.get() < messages && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }

        long distinct() {
            return distinct.get();
        }

        long deliveries() {
            return deliveries.get();
        }

        long firstNanos() {
            return firstNanos.get();
        }
    }
}
