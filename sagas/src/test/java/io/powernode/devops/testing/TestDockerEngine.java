package io.powernode.devops.testing;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerTimeouts;
import io.powernode.devops.docker.HostConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The machine's Docker engine, made ready for tests: started when it is not running (by the project's
 * {@code scripts/ensure-docker.sh}) and holding the local test image, which is built from the static busybox
 * because nothing can be pulled here. Every call is idempotent and cheap once done.
 */
public final class TestDockerEngine {

    public static final String ENDPOINT = "unix:///var/run/docker.sock";
    /** FROM scratch + busybox with its applets (sh, sleep, httpd, wget …) linked into /bin. */
    public static final String TEST_IMAGE = "powernode-test/busybox:1";
    /** The test image whose default command fails at once: what an update to a bad release looks like. */
    public static final String BROKEN_IMAGE = "powernode-test/broken:1";
    /** A web release: busybox httpd on port 80 whose page answers {@code v1}. */
    public static final String WEB_V1_IMAGE = "powernode-test/web:1";
    /** The next web release, whose page answers {@code v2}: which one serves tells a rollout's traffic apart. */
    public static final String WEB_V2_IMAGE = "powernode-test/web:2";
    /** Every image the harness builds, as a swarm's nodes must hold them (nothing can be pulled). */
    public static final List<String> IMAGES = List.of(TEST_IMAGE, BROKEN_IMAGE, WEB_V1_IMAGE, WEB_V2_IMAGE);

    private static final String BUSYBOX = "/bin/busybox";
    private static volatile boolean ready;

    private TestDockerEngine() {
    }

    /** Makes sure the engine answers and the test image exists. */
    public static synchronized void ensureReady() {
        if (ready) {
            return;
        }
        Path script = projectRoot().resolve("scripts/ensure-docker.sh");
        Commands.run(projectRoot(), 180, "bash", script.toString());
        ensureTestImage("-H", ENDPOINT);
        ensureBrokenImage();
        ensureWebImage(WEB_V1_IMAGE, "v1");
        ensureWebImage(WEB_V2_IMAGE, "v2");
        ready = true;
    }

    /** A client for the local engine with test-friendly timeouts; the caller closes it. */
    public static DockerClient client() {
        ensureReady();
        return clientFor(HostConnection.plain(ENDPOINT));
    }

    static DockerClient clientFor(HostConnection connection) {
        return new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .forRequests(connection);
    }

    /** Runs the docker CLI against the local engine and returns its output. */
    public static String docker(String... args) {
        return dockerAt(ENDPOINT, args);
    }

    static String dockerAt(String endpoint, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "docker";
        command[1] = "-H";
        command[2] = endpoint;
        System.arraycopy(args, 0, command, 3, args.length);
        return Commands.run(null, 120, command);
    }

    /**
     * Imports the test image into the engine the given docker CLI options point at, unless it is there. A tar
     * of a tiny root file system is imported (no builder needed): busybox plus one symlink per applet.
     */
    static void ensureTestImage(String... dockerOptions) {
        String[] inspect = concat(concat(new String[]{"docker"}, dockerOptions), "image", "inspect", TEST_IMAGE);
        if (Commands.succeeds(inspect)) {
            return;
        }
        Path rootfs = null;
        try {
            rootfs = Files.createTempDirectory("pn-busybox-rootfs");
            Path bin = Files.createDirectories(rootfs.resolve("bin"));
            Files.copy(Path.of(BUSYBOX), bin.resolve("busybox"));
            for (String applet : Commands.run(null, 30, BUSYBOX, "--list").split("\\s+")) {
                if (!applet.isBlank() && !"busybox".equals(applet)) {
                    Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
                }
            }
            for (String dir : List.of("tmp", "www", "etc", "var")) {
                Files.createDirectories(rootfs.resolve(dir));
            }
            String options = String.join(" ", dockerOptions);
            Commands.run(rootfs, 120, "sh", "-c", "tar -C . -c . | docker " + options
                    + " import --change 'ENV PATH=/bin' --change 'CMD [\"sh\"]' - " + TEST_IMAGE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the test image " + TEST_IMAGE, e);
        } finally {
            Commands.deleteTree(rootfs);
        }
    }

    /** The test image with a default command that exits 1, committed from a container of it (no builder needed). */
    private static void ensureBrokenImage() {
        if (Commands.succeeds("docker", "-H", ENDPOINT, "image", "inspect", BROKEN_IMAGE)) {
            return;
        }
        String container = docker("create", TEST_IMAGE).trim();
        try {
            docker("commit", "--change", "CMD [\"sh\", \"-c\", \"echo this release is broken >&2; exit 1\"]",
                    container, BROKEN_IMAGE);
        } finally {
            docker("rm", container);
        }
    }

    /**
     * The test image serving {@code page} (no trailing newline) as {@code /www/index.html} on port 80: the page is
     * copied into a created, never started, container, which is then committed (no builder, no running container).
     */
    private static void ensureWebImage(String image, String page) {
        if (Commands.succeeds("docker", "-H", ENDPOINT, "image", "inspect", image)) {
            return;
        }
        Path site = null;
        String container = docker("create", TEST_IMAGE).trim();
        try {
            site = Files.createTempDirectory("pn-web-page");
            Path index = Files.writeString(site.resolve("index.html"), page);
            docker("cp", index.toString(), container + ":/www/index.html");
            docker("commit", "--change", "EXPOSE 80", "--change", "CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]",
                    container, image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the test image " + image, e);
        } finally {
            docker("rm", container);
            Commands.deleteTree(site);
        }
    }

    /** The folder holding {@code mvnw}, found by walking up from the working directory. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw above " + Path.of("").toAbsolutePath());
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
