package io.ferrymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UniqueKeyGeneratorTest {
    private static final byte[] HOST = {(byte) 192, 0, 2, 2};

    @Test
    void hasTheDocumentedShape() {
        // 2025-06-03T00:00:01.234Z: 2 days + 1.234 s after the month's start
        Clock clock = Clock.fixed(Instant.parse("2025-06-03T00:00:01.234Z"), ZoneOffset.UTC);
        UniqueKeyGenerator generator = new UniqueKeyGenerator(HOST, 0x12345678, 0xCAFEBABE, clock);
        long sinceMonthStart = 2 * 86_400_000L + 1234;

        String first = generator.next();
        String second = generator.next();

        assertThat(first).hasSize(32).matches("[0-9A-F]{32}");
        assertThat(generator.idLength()).isEqualTo(32);
        assertThat(first).startsWith("C0000202" + "5678" + "CAFEBABE");
        assertThat(first.substring(20, 28)).isEqualTo(String.format("%08X", sinceMonthStart));
        // the same millisecond: the counter moves on
        assertThat(second.substring(0, 28)).isEqualTo(first.substring(0, 28));
        assertThat(Integer.parseInt(second.substring(28), 16)).isEqualTo(Integer.parseInt(first.substring(28), 16) + 1);
    }

    @Test
    void ipv6HostsGiveFiftySixCharacters() throws Exception {
        UniqueKeyGenerator generator =
                UniqueKeyGenerator.forProcess(InetAddress.getByName("fd00::2"), Clock.systemUTC());
        assertThat(generator.next()).hasSize(56).startsWith("FD000000000000000000000000000002");
    }

    @Test
    void moreThanACounterPerMillisecondBorrowsTheNextMillisecond() {
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        UniqueKeyGenerator generator = new UniqueKeyGenerator(HOST, 1, 1, clock);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 70_000; i++) {
            assertThat(ids.add(generator.next())).isTrue();
        }
        assertThat(generator.next().substring(20, 28)).isEqualTo("00000001");
    }

    @Test
    void theTimePartRestartsWithEachMonth() {
        Clock lastMs = Clock.fixed(Instant.parse("2025-06-30T23:59:59.999Z"), ZoneOffset.UTC);
        String endOfJune = new UniqueKeyGenerator(HOST, 1, 1, lastMs).next();
        assertThat(Long.parseLong(endOfJune.substring(20, 28), 16)).isEqualTo(30 * 86_400_000L - 1);
        Clock firstMs = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(new UniqueKeyGenerator(HOST, 1, 1, firstMs).next().substring(20, 28))
                .isEqualTo("00000000");
    }

    @Test
    void uniqueAcrossThreads() throws Exception {
        UniqueKeyGenerator generator = new UniqueKeyGenerator(HOST, 1, 1, Clock.systemUTC());
        int threads = 4;
        int perThread = 25_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<String>> task = () -> {
                    List<String> ids = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        ids.add(generator.next());
                    }
                    return ids;
                };
                results.add(pool.submit(task));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> result : results) {
                for (String id : result.get()) {
                    assertThat(id).hasSize(32);
                    all.add(id);
                }
            }
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
