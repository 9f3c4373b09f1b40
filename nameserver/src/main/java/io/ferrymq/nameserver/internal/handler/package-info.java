/**
 * One handler per nameserver request kind (or small family: KV config, topic lists, write perms,
 * nameserver config), each a small object built with the few collaborators it needs, and
 * {@link io.ferrymq.nameserver.internal.handler.HandlerTable} listing which code goes to which.
 * Handlers decode typed headers, call the registry or KV store, and build the response.
 */
package io.ferrymq.nameserver.internal.handler;
