package io.ferrymq.bench.remoting;

/**
 * A server and a client of one remoting implementation, started together in one JVM; the load
 * calls {@link #roundTrip()} from many threads at once.
 */
public interface RoundTripTarget extends AutoCloseable {
    /** Starts the server on 127.0.0.1 and a client connected to it. */
    void start(WorkloadShape shape) throws Exception;

    /** One synchronous request and its response; throws if the response is not a success. */
    void roundTrip() throws Exception;

    @Override
    void close() throws Exception;
}
