package io.powernode.devops.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP front ({@code tcp://127.0.0.1:<port>}) for a daemon's unix socket that can fall silent the way a remote
 * host that died does: while silent, the connections it had stay open but carry nothing, ever again, and new
 * ones are cut at once. {@link #speak()} lets new connections through again.
 */
final class SilenceableRelay implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> channels = new CopyOnWriteArrayList<>();
    /** Connections opened before the latest silence carry nothing; they are recognised by this count. */
    private final AtomicInteger silences = new AtomicInteger();
    private volatile boolean silent;

    SilenceableRelay(Path socket) {
        this.socket = socket;
        try {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemonThread("relay-accept", this::accept);
    }

    String endpoint() {
        return "tcp://127.0.0.1:" + server.socket().getLocalPort();
    }

    void silence() {
        silent = true;
        silences.incrementAndGet();
    }

    void speak() {
        silent = false;
    }

    @Override
    public void close() {
        closeQuietly(server);
        channels.forEach(SilenceableRelay::closeQuietly);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (silent) {
                    closeQuietly(client);
                    continue;
                }
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                channels.addAll(List.of(client, daemon));
                int era = silences.get();
                daemonThread("relay-up", () -> pump(client, daemon, era));
                daemonThread("relay-down", () -> pump(daemon, client, era));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Stops forwarding, without closing anything, once a silence began after the connection was opened. */
    private void pump(SocketChannel from, SocketChannel to, int era) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                if (silences.get() != era) {
                    return;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // one side is gone: so is the connection
        }
        closeQuietly(from);
        closeQuietly(to);
    }

    private static void daemonThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
