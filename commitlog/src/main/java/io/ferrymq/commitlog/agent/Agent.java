package io.ferrymq.commitlog.agent;

/**
 * A background job done in small steps, so a runner thread drives it in production and a test steps
 * it by hand with a manual clock.
 */
public interface Agent {
    /** Does what is due now; returns how much work was done (0 lets the runner idle). */
    int doWork();

    /** The thread name of its runner. */
    String roleName();
}
