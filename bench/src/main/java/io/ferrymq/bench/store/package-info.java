/**
 * Storage benchmarks: JMH for appends (beside a plain FileChannel baseline in the same run) and
 * group-commit scaling; load tools for dispatch, read-back and recovery.
 */
package io.ferrymq.bench.store;
