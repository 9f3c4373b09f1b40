/**
 * What {@link io.ferrymq.client.Admin} delegates to: finding the brokers a call goes to, topic
 * creation and deletion, message look-up, consumer-group progress, delayed messages, half messages and
 * dead letters, each fanned out to the masters concerned and decoded. Not API.
 */
package io.ferrymq.client.internal.admin;
