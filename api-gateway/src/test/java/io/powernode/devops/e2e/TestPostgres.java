package io.powernode.devops.e2e;

import io.powernode.devops.testing.TestDockerEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster on loopback for one test: initdb into a temp folder, pg_ctl start on a
 * free port, one database. PostgreSQL refuses to run as root, so it runs as the postgres system user.
 */
final class TestPostgres implements AutoCloseable {

    private final Path dataDir;
    private final Path bin;
    private final int port;

    private TestPostgres(Path dataDir, Path bin, int port) {
        this.dataDir = dataDir;
        this.bin = bin;
        this.port = port;
    }

    static TestPostgres start() {
        run(List.of("bash", TestDockerEngine.projectRoot().resolve("scripts/ensure-postgres.sh").toString()));
        try {
            Path dataDir = Files.createTempDirectory("powernode-pg-");
            run(List.of("chown", "postgres", dataDir.toString()));
            TestPostgres postgres = new TestPostgres(dataDir, serverBinaries(), freePort());
            postgres.asPostgres(postgres.bin.resolve("initdb") + " -D " + dataDir + "/cluster -A trust -U postgres");
            postgres.asPostgres(postgres.bin.resolve("pg_ctl") + " -D " + dataDir + "/cluster -w -l " + dataDir
                    + "/server.log -o '-p " + postgres.port + " -k " + dataDir + " -c listen_addresses=127.0.0.1' start");
            postgres.asPostgres(postgres.bin.resolve("createdb") + " -h 127.0.0.1 -p " + postgres.port + " powernode");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/powernode";
    }

    @Override
    public void close() {
        asPostgres(bin.resolve("pg_ctl") + " -D " + dataDir + "/cluster -m fast stop");
        run(List.of("rm", "-rf", dataDir.toString()));
    }

    private void asPostgres(String command) {
        run(List.of("runuser", "-u", "postgres", "--", "sh", "-c", "cd /tmp && " + command));
    }

    private static Path serverBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(Comparator.naturalOrder()).orElseThrow().resolve("bin");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
