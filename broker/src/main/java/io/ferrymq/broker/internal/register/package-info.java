/**
 * Registration with the nameservers: the agent that sends REGISTER_BROKER to every nameserver at
 * start, on a period and after each topic change, and UNREGISTER_BROKER at shutdown.
 */
package io.ferrymq.broker.internal.register;
