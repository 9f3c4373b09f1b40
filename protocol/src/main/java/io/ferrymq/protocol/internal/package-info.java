/** The two header encodings behind {@link io.ferrymq.protocol.CommandCodec}. */
package io.ferrymq.protocol.internal;
