package io.ferrymq.remoting;

import io.ferrymq.protocol.CommandCodec;
import io.ferrymq.protocol.RemotingCommand;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A plain blocking socket that speaks raw bytes to a server, for tests of hostile or odd input. */
final class RawSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port}; every read gives up after {@code readTimeoutMs}. */
    static RawSocket connect(int port, int readTimeoutMs) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(readTimeoutMs);
            socket.setTcpNoDelay(true);
            return new RawSocket(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This end as the server sees it, {@code 127.0.0.1:port}. */
    String localAddress() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(RemotingCommand command) throws IOException {
        send(Frames.encode(command));
    }

    /** Half-closes: the server sees end of stream. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one whole frame and decodes it. */
    RemotingCommand readCommand() throws IOException {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return CommandCodec.decode(ByteBuffer.wrap(frame));
    }

    /**
     * True when the server has closed the connection: a read returns end of stream (or a reset, which
     * the kernel reports instead when the server closed with our bytes still unread). False when the
     * read times out or data arrives.
     */
    boolean closedByPeer() {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until end of stream or timeout, discarding what comes; for the fuzz test. */
    void drain() {
        byte[] sink = new byte[4096];
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // timeout or reset: either way this socket is done
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
