/**
 * The CommitLog: every message of every topic appended to one sequential log of fixed-size,
 * memory-mapped segments; flushed synchronously (group commit) or on an interval; recovered after a
 * crash by validating records from the checkpoint and truncating a torn tail; trimmed by retention.
 * Indexes are built from it elsewhere ({@code consumequeue}), which is why readers get raw record
 * bytes and positions, never decoded messages.
 */
package io.ferrymq.commitlog;
