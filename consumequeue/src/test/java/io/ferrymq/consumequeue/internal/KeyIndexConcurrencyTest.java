package io.ferrymq.consumequeue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries on other threads while the writer adds entries and rolls files over: every hit is a whole
 * entry (its fields agree with each other), and every entry published before a query started is found.
 */
class KeyIndexConcurrencyTest {
    private static final byte[] TOPIC = "Orders".getBytes(StandardCharsets.UTF_8);
    private static final int RECORDS = 60_000;
    private static final int KEYS = 97;
    private static final long BASE_MS = 1_700_000_000_000L;

    @TempDir
    Path dir;

    /** Record i: key "k{i % KEYS}", unique key "U{i}", offset 100 i, store time BASE_MS + i, size i % 500 + 1. */
    private static void addRecord(KeyIndex index, int i) {
        byte[] properties = ("k" + (i % KEYS) + "|U" + i).getBytes(StandardCharsets.UTF_8);
        int bar = ("k" + (i % KEYS)).length();
        index.add(
                TOPIC,
                TOPIC.length,
                properties,
                0,
                bar,
                bar + 1,
                properties.length,
                BASE_MS + i,
                100L * i,
                i % 500 + 1);
    }

    @Test
    void readersSeeWholeEntriesAndEveryPublishedOne() throws Exception {
        long seed = System.nanoTime();
        System.out.println("KeyIndexConcurrencyTest seed " + seed);
        KeyIndex index = KeyIndex.open(dir.resolve("index"), 64, 4096);
        AtomicLong published = new AtomicLong(-1);
        AtomicInteger queries = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < RECORDS; i++) {
                            addRecord(index, i);
                            published.set(i);
                            if (i % 2000 == 0) {
                                // let the readers query this state: the threads really interleave
                                int seen = queries.get();
                                while (queries.get() < seen + 2) {
                                    Thread.onSpinWait();
                                }
                            }
                        }
                    },
                    threads);
            List<CompletableFuture<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Random random = new Random(seed + r);
                readers.add(
                        CompletableFuture.supplyAsync(() -> read(index, published, queries, writer, random), threads));
            }
            writer.get(60, TimeUnit.SECONDS);
            int whileWriting = 0;
            for (CompletableFuture<Integer> reader : readers) {
                whileWriting += reader.get(60, TimeUnit.SECONDS);
            }
            assertThat(whileWriting).as("queries while the writer ran").isGreaterThanOrEqualTo(2 * RECORDS / 2000);
        } finally {
            threads.shutdownNow();
        }
        assertThat(index.files()).hasSizeGreaterThan(25);
        for (int k = 0; k < KEYS; k++) {
            assertThat(index.query("Orders", "k" + k, 0, Long.MAX_VALUE, RECORDS, 0, h -> true)
                            .hits())
                    .hasSize(RECORDS / KEYS + (k < RECORDS % KEYS ? 1 : 0));
        }
    }

    /** Queries until the writer is done; returns how many ran while it was not. */
    private static int read(
            KeyIndex index,
            AtomicLong published,
            AtomicInteger queries,
            CompletableFuture<Void> writer,
            Random random) {
        int whileWriting = 0;
        while (!writer.isDone()) {
            long upTo = published.get();
            if (upTo < RECORDS - 1) {
                whileWriting++;
            }
            if (random.nextBoolean()) {
                int key = random.nextInt(KEYS);
                List<KeyHit> hits = index.query("Orders", "k" + key, 0, Long.MAX_VALUE, RECORDS, 0, h -> true)
                        .hits();
                long expected = upTo < key ? 0 : (upTo - key) / KEYS + 1;
                assertThat((long) hits.size())
                        .as("k%d with %d published", key, upTo)
                        .isGreaterThanOrEqualTo(expected);
                long previousMs = -1;
                for (KeyHit hit : hits) {
                    assertWhole(hit);
                    assertThat(hit.physicalOffset() / 100 % KEYS).isEqualTo(key);
                    assertThat(hit.storeTimeMs()).isGreaterThan(previousMs);
                    previousMs = hit.storeTimeMs();
                }
            } else if (upTo >= 0) {
                int i = random.nextInt((int) upTo + 1);
                List<KeyHit> hits = index.query("Orders", "U" + i, 0, Long.MAX_VALUE, 10, 0, h -> true)
                        .hits();
                assertThat(hits).as("U%d with %d published", i, upTo).hasSize(1);
                assertWhole(hits.get(0));
                assertThat(hits.get(0).physicalOffset()).isEqualTo(100L * i);
            }
            queries.incrementAndGet();
        }
        return whileWriting;
    }

    private static void assertWhole(KeyHit hit) {
        long i = hit.physicalOffset() / 100;
        assertThat(hit.physicalOffset() % 100).isZero();
        assertThat(hit.storeTimeMs()).isEqualTo(BASE_MS + i);
        assertThat(hit.size()).isEqualTo((int) (i % 500 + 1));
    }
}
