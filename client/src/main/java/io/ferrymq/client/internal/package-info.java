/**
 * What every client instance runs on: identity, transport calls, the route table (nameserver look-ups,
 * refreshed every 30 s), heartbeats, and the steppable background {@link io.ferrymq.client.internal.Agent}s
 * with their runner. Not API.
 */
package io.ferrymq.client.internal;
