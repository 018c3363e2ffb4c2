package io.powernode.devops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A second Docker daemon for one test, next to the machine's engine: its own data root, exec root, pid file
 * and unix socket in a temp folder, no bridge and no iptables rules, and optionally a TLS listener reached on
 * the host's 127.0.0.1 only. {@link #stop()} and {@link #start()} (same data, same endpoints) simulate an
 * outage; {@link #close()} removes everything, and a JVM shutdown hook closes what a crashed test left running.
 * <p>
 * The daemon runs in an anonymous network namespace of its own ({@code unshare --net}, see {@link Dockerd}).
 * Its TLS port, on the namespace's loopback, is carried to the host's loopback by {@link SocketRelay}s.
 */
public final class ExtraDockerDaemon implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 60_000;
    /** The TLS port inside the daemon's own namespace; the host side uses a free port. */
    private static final int NAMESPACE_TLS_PORT = 2376;
    private static final Set<ExtraDockerDaemon> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ExtraDockerDaemon::close),
                "extra-dockerd-cleanup"));
    }

    private final Path dir;
    private final TestCertificates tls;
    private final int tlsPort;
    private final Dockerd dockerd;
    private Process namespaceRelay;
    private SocketRelay hostRelay;

    private ExtraDockerDaemon(Path dir, TestCertificates tls, int tlsPort) {
        this.dir = dir;
        this.tls = tls;
        this.tlsPort = tlsPort;
        this.dockerd = new Dockerd(dir, List.of("unshare", "--net", "--", "sh", "-c",
                // the new namespace's loopback starts down; exec keeps the pid, so stop() signals dockerd itself
                "ip link set lo up && exec \"$0\" \"$@\""), options());
    }

    /** A daemon answering on a unix socket only. */
    public static ExtraDockerDaemon startUnix() {
        return launch(null);
    }

    /** A daemon that also listens on {@code tcp://127.0.0.1:<free port>} with {@code --tlsverify}. */
    public static ExtraDockerDaemon startWithTls(TestCertificates certificates) {
        return launch(certificates);
    }

    private static ExtraDockerDaemon launch(TestCertificates certificates) {
        TestDockerEngine.ensureReady();
        try {
            // under /tmp directly: a unix socket path must stay below ~100 characters
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "pnd");
            ExtraDockerDaemon daemon = new ExtraDockerDaemon(dir, certificates,
                    certificates == null ? 0 : freeLoopbackPort());
            try {
                daemon.start();
            } catch (RuntimeException e) {
                daemon.close();
                throw e;
            }
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare an extra Docker daemon", e);
        }
    }

    /** {@code unix:///tmp/pnd…/docker.sock} */
    public String unixEndpoint() {
        return dockerd.unixEndpoint();
    }

    /** {@code https://127.0.0.1:<port>}; only for a daemon started with TLS. */
    public String tlsEndpoint() {
        if (tls == null) {
            throw new IllegalStateException("this daemon has no TLS listener");
        }
        return "https://127.0.0.1:" + tlsPort;
    }

    public synchronized boolean isRunning() {
        return dockerd.isRunning();
    }

    /** Starts the daemon (again, on the same data and endpoints) and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        RUNNING.add(this);
        dockerd.start();
        if (tls != null) {
            startTlsRelays();
        }
    }

    private void startTlsRelays() {
        Path relaySocket = dir.resolve("tls.sock");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = SocketRelay.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        try {
            namespaceRelay = new ProcessBuilder("nsenter", "--net=/proc/" + dockerd.pid() + "/ns/net", "--",
                    java, "-cp", classPath, SocketRelay.class.getName(), relaySocket.toString(),
                    String.valueOf(NAMESPACE_TLS_PORT))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("relay.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TLS relay", e);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!Files.exists(relaySocket)) {
            if (!namespaceRelay.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the TLS relay did not start; see " + dir.resolve("relay.log"));
            }
            Dockerd.pause(50);
        }
        hostRelay = SocketRelay.loopbackToUnix(tlsPort, relaySocket);
    }

    /** Stops the daemon as an outage would (its data stays); waits until it is gone. */
    public synchronized void stop() {
        if (hostRelay != null) {
            hostRelay.close();
            hostRelay = null;
        }
        if (namespaceRelay != null) {
            namespaceRelay.destroyForcibly();
            namespaceRelay = null;
        }
        dockerd.stop();
        RUNNING.remove(this);
    }

    /** Imports the shared test image into this daemon (each daemon has its own image store). */
    public void loadTestImage() {
        TestDockerEngine.ensureTestImage("-H", unixEndpoint());
    }

    /** Runs the docker CLI against this daemon and returns its output. */
    public String docker(String... args) {
        return dockerd.docker(args);
    }

    @Override
    public void close() {
        stop();
        Commands.deleteTree(dir);
    }

    private List<String> options() {
        List<String> options = new ArrayList<>(List.of("--bridge=none"));
        if (tls != null) {
            options.addAll(List.of("--tlsverify",
                    "--tlscacert", tls.caPath().toString(),
                    "--tlscert", tls.serverCertPath().toString(),
                    "--tlskey", tls.serverKeyPath().toString(),
                    "-H", "tcp://127.0.0.1:" + NAMESPACE_TLS_PORT));
        }
        return options;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
