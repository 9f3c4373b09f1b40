/**
 * FerryMQ in one JVM: a nameserver and a broker registered with it (the dashboard joins later), for
 * development, demos and embedding. {@code bin/standalone} runs {@link io.ferrymq.standalone.StandaloneMain}.
 */
package io.ferrymq.standalone;
