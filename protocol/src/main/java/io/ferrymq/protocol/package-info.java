/**
 * The RocketMQ remoting wire format as FerryMQ speaks it: the {@link io.ferrymq.protocol.RemotingCommand}
 * every request and response travels in, its frame layout and header codecs, and the request and
 * response codes. Everything here is pure Java and allocation-conscious: the transport above decodes
 * and encodes on its I/O threads.
 */
package io.ferrymq.protocol;
