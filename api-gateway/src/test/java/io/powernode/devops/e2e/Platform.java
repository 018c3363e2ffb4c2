package io.powernode.devops.e2e;

import io.powernode.devops.PowernodeApplication;
import io.powernode.devops.app.security.TokenMinter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole application on a random port, on a data directory of its own, exactly as
 * {@code bin/powernode start} runs it, but with short sync intervals. It can be stopped and started again
 * on the same data directory, which is how the restart tests look for lost or repeated work.
 */
public final class Platform implements AutoCloseable {

    static final String JWT_SECRET = "powernode-test-secret-0123456789-abcdefghij";
    static final String API = "/api/v1/devops/docker";

    private final Path dataDir;
    private final Map<String, Object> extraProperties;
    private final Class<?>[] extraSources;
    private ConfigurableApplicationContext context;
    private int port;

    private Platform(Path dataDir, Map<String, Object> extraProperties, Class<?>[] extraSources) {
        this.dataDir = dataDir;
        this.extraProperties = extraProperties;
        this.extraSources = extraSources;
    }

    public static Platform start() {
        return start(Map.of());
    }

    /** @param extraSources test-only beans added to the application, e.g. an event handler that observes it */
    public static Platform start(Map<String, Object> extraProperties, Class<?>... extraSources) {
        try {
            Platform platform = new Platform(Files.createTempDirectory("powernode-e2e-"), extraProperties, extraSources);
            platform.boot();
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() {
        Map<String, Object> properties = new HashMap<>(TestSettings.PROPERTIES);
        properties.put("powernode.data-dir", dataDir.toString());
        properties.put("powernode.jwt.secret", JWT_SECRET);
        properties.putAll(extraProperties);
        // as command-line arguments: they must win over application.yml, as an operator's would
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        context = new SpringApplicationBuilder(PowernodeApplication.class, IsolatedNetty.class).sources(extraSources)
                .run(arguments);
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public void stop() {
        context.close();
        context = null;
    }

    public void restart() {
        if (context != null) {
            stop();
        }
        boot();
    }

    public Path dataDir() {
        return dataDir;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A client acting as {@code actor} in {@code account} with the given permissions. */
    public WebTestClient as(String account, String actor, String... permissions) {
        return client().mutate().defaultHeader("Authorization", "Bearer " + token(account, actor, permissions)).build();
    }

    public static String token(String account, String actor, String... permissions) {
        return TokenMinter.mint(JWT_SECRET.getBytes(StandardCharsets.UTF_8), actor, account, List.of(permissions),
                Duration.ofHours(1));
    }

    @Override
    public void close() {
        if (context != null) {
            stop();
        }
    }
}
