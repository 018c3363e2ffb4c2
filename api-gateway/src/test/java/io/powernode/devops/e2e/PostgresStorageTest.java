package io.powernode.devops.e2e;

import io.powernode.devops.testing.TestDockerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POWERNODE_JDBC_URL switches the SQL store to PostgreSQL: the same migrations, the same behaviour. */
class PostgresStorageTest {

    private static TestPostgres postgres;
    private static Platform platform;

    @BeforeAll
    static void start() {
        TestDockerEngine.ensureReady();
        postgres = TestPostgres.start();
        platform = Platform.start(Map.of("spring.datasource.url", postgres.jdbcUrl(),
                "spring.datasource.username", "postgres", "spring.datasource.password", ""));
    }

    @AfterAll
    static void stop() {
        platform.close();
        postgres.close();
    }

    @Test
    void eventsAndTokensLiveInPostgresAndSurviveARestart() {
        HostApi api = HostApi.freshAccount(platform);
        String id = api.register("on-postgres", TestDockerEngine.ENDPOINT, Map.of());
        api.awaitStatus(id, "connected", Duration.ofSeconds(30));

        JdbcTemplate sql = platform.bean(JdbcTemplate.class);
        assertThat(sql.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        assertThat(sql.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, id))
                .isGreaterThanOrEqualTo(3);
        assertThat(sql.queryForList("SELECT processorName FROM TokenEntry", String.class))
                .contains("host-projection", "inventory-projection", "endpoint-sync-targets");

        platform.restart();
        api = new HostApi(platform, api.account);
        assertThat(api.host(id).path("status").asText()).isEqualTo("connected");
        api.post("/hosts/" + id + "/maintenance", "").expectStatus().isOk();
    }
}
