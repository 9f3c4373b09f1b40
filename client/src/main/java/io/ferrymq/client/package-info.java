/**
 * FerryMQ's Java client: {@link io.ferrymq.client.Producer}, {@link io.ferrymq.client.PushConsumer}
 * and {@link io.ferrymq.client.Admin}, speaking RocketMQ's remoting protocol to FerryMQ or Apache
 * RocketMQ nameservers and brokers. Builders, {@link java.util.concurrent.CompletableFuture}s,
 * {@link AutoCloseable}, unchecked {@link io.ferrymq.client.ClientException}s.
 *
 * <pre>{@code
 * try (Producer producer = Producer.builder().namesrvAddr("127.0.0.1:9876").producerGroup("pg").build();
 *         PushConsumer consumer = PushConsumer.builder()
 *                 .namesrvAddr("127.0.0.1:9876")
 *                 .consumerGroup("cg")
 *                 .subscribe("Orders", "*")
 *                 .consumeFrom(ConsumeFrom.FIRST)
 *                 .listener(messages -> {
 *                     messages.forEach(m -> System.out.println(new String(m.body(), UTF_8)));
 *                     return ConsumeResult.SUCCESS;
 *                 })
 *                 .build()) {
 *     producer.send(Message.of("Orders", "hello".getBytes(UTF_8)));
 *     Thread.sleep(5_000);
 * }
 * }</pre>
 *
 * <p>Everything here is the public API; {@code io.ferrymq.client.internal} may change at any time.
 */
package io.ferrymq.client;
