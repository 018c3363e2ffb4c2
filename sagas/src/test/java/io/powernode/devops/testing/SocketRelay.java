package io.powernode.devops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Copies bytes between a listening socket and a target, both ways, for every connection. An extra daemon
 * lives in its own network namespace (see {@link ExtraDockerDaemon}), so its TLS port on that namespace's
 * loopback is carried over a unix socket in the file system: one relay runs inside the namespace
 * (unix socket → 127.0.0.1:port, via {@link #main}), one in the test JVM (host 127.0.0.1:port → unix socket).
 * TLS stays end to end; the relays only move encrypted bytes.
 */
final class SocketRelay implements AutoCloseable {

    private final ServerSocketChannel listener;
    private final SocketAddress target;
    private final Thread acceptor;

    private SocketRelay(ServerSocketChannel listener, SocketAddress target) {
        this.listener = listener;
        this.target = target;
        this.acceptor = new Thread(this::accept, "socket-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on the host's 127.0.0.1:{@code port} and forwards to the unix socket. */
    static SocketRelay loopbackToUnix(int port, Path socket) {
        try {
            ServerSocketChannel listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new SocketRelay(listener, UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    static SocketRelay unixToLoopback(Path socket, int port) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket));
        return new SocketRelay(listener, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Runs inside a daemon's network namespace: {@code <unix socket> <port>}. Exits when the JVM that started
     * it is gone, so a crashed test leaves no relay behind.
     */
    public static void main(String[] args) throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        try (SocketRelay relay = unixToLoopback(Path.of(args[0]), Integer.parseInt(args[1]))) {
            while (parent.isAlive()) {
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    private void accept() {
        while (listener.isOpen()) {
            try {
                SocketChannel client = listener.accept();
                SocketChannel upstream;
                try {
                    upstream = SocketChannel.open(target);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread thread = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                // either side broke off: the connection is over
            } finally {
                // HTTP clients do not half-close, so one side's end is the connection's end
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "socket-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already broken: nothing left to release
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing a listener only fails when it is already closed
        }
    }
}
