/**
 * Background work as small steps: an {@link io.ferrymq.commitlog.agent.Agent} does what is due in
 * {@code doWork()}, an {@link io.ferrymq.commitlog.agent.AgentRunner} drives it on a named thread in
 * production, and a test steps it by hand with a manual clock. Shared by the store modules (flush,
 * retention, dispatch, and the timers and checks built on the store).
 */
package io.ferrymq.commitlog.agent;
