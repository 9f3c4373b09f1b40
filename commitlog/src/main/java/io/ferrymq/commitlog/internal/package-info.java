/**
 * The machinery behind {@link io.ferrymq.commitlog.CommitLog}: mapped segments and their list, the
 * single appender, the flush agents (group commit and interval), recovery of the tail on open, and the
 * retention agent. Nothing here is API; callers go through {@code io.ferrymq.commitlog}.
 */
package io.ferrymq.commitlog.internal;
