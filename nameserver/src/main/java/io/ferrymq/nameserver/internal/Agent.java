package io.ferrymq.nameserver.internal;

/** A background job done in small steps: a runner thread calls {@link #doWork()} on a schedule. */
public interface Agent {
    /** The runner thread's name. */
    String name();

    /** One step; returns how much work it did (0 = nothing to do). */
    int doWork() throws Exception;
}
