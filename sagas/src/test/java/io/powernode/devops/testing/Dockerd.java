package io.powernode.devops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One dockerd process of the test harness, next to the machine's engine: its own data root, exec root, pid
 * file, unix socket and log in a folder, the vfs storage driver, no iptables rules, and its own supervised
 * containerd. It is always started through a command that first moves it into a network namespace of its
 * own ({@code entry}): with {@code --bridge=none} a dockerd deletes the {@code docker0} interface it finds,
 * which in the host namespace is the main engine's. {@link #stop()} and {@link #start()} reuse the same data.
 */
final class Dockerd {

    private static final long START_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_S = 20;

    private final Path dir;
    private final List<String> entry;
    private final List<String> options;
    private Process process;

    /**
     * @param dir     the daemon's folder; short, under /tmp: a unix socket path must stay below ~100 characters
     * @param entry   the command that puts the daemon into its namespace and then runs its arguments
     * @param options dockerd options beyond the common ones: networking and extra listeners
     */
    Dockerd(Path dir, List<String> entry, List<String> options) {
        this.dir = dir;
        this.entry = List.copyOf(entry);
        this.options = List.copyOf(options);
    }

    Path dir() {
        return dir;
    }

    String unixEndpoint() {
        return "unix://" + dir.resolve("docker.sock");
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The daemon's pid; the entry commands exec, so this is dockerd itself. */
    synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException("dockerd in " + dir + " is not running");
        }
        return process.pid();
    }

    /** Starts the daemon (again, on the same data and endpoints) and waits until it answers. */
    synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("exec"));
            Files.writeString(dir.resolve("daemon.json"), "{}");
            process = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd", e);
        }
        awaitAnswer();
    }

    /** Stops the daemon as an outage would (its data stays); waits until it and its containerd are gone. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // its own containerd normally exits with it; make sure, by pid
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** Runs the docker CLI against this daemon's unix socket and returns its output. */
    String docker(String... args) {
        return TestDockerEngine.dockerAt(unixEndpoint(), args);
    }

    private List<String> command() {
        String id = dir.getFileName().toString();
        List<String> command = new ArrayList<>(entry);
        command.addAll(List.of("dockerd",
                "--config-file", dir.resolve("daemon.json").toString(),
                "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("docker.pid").toString(),
                "--storage-driver", "vfs",
                "--iptables=false", "--ip-forward=false", "--ip-masq=false",
                // if a system containerd runs, keep this daemon's containers apart from the main engine's
                "--containerd-namespace", id, "--containerd-plugins-namespace", id + "-plugins",
                "--shutdown-timeout", "2",
                "-H", unixEndpoint()));
        command.addAll(options);
        return command;
    }

    private void awaitAnswer() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dockerd exited at start: " + logTail());
            }
            if (answersPing()) {
                return;
            }
            pause(100);
        }
        throw new IllegalStateException("dockerd did not answer within " + START_TIMEOUT_MS + " ms: " + logTail());
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dockerd", e);
        }
    }

    private boolean answersPing() {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("docker.sock")))) {
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(64);
            channel.read(answer);
            return new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
