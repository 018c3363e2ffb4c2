package io.powernode.devops.sync;

import io.powernode.devops.docker.DockerClients;
import io.powernode.devops.docker.SwarmInventoryReader;
import io.powernode.devops.secrets.AesGcmCredentialSealer;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.secrets.MasterKey;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans as the app's component scan finds them, given what the app provides. */
class SyncWiringTest {

    @Test
    void theSyncStartsAndStopsWithTheContextFromTheAppsBeans() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(JdbcTemplate.class, H2Database::migrated);
            context.registerBean(CommandGateway.class, () -> new RecordingCommandBus().gateway());
            context.registerBean(CredentialSealer.class, () -> new AesGcmCredentialSealer(
                    MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))));
            context.scan("io.powernode.devops.sync");
            context.refresh();

            assertThat(context.getBean(SyncScheduler.class).isRunning()).isTrue();
            assertThat(context.getBean(SyncTargetChanges.class)).isSameAs(context.getBean(SyncScheduler.class));
            assertThat(context.getBean(DockerClients.class)).isNotNull();
            assertThat(context.getBean(SwarmInventoryReader.class)).isNotNull();
            SyncStrategies strategies = context.getBean(SyncStrategies.class);
            assertThat(strategies.of(EndpointKind.docker_host)).isInstanceOf(HostSyncStrategy.class);
            assertThat(strategies.of(EndpointKind.swarm_cluster)).isInstanceOf(ClusterSyncStrategy.class);
            assertThat(context.getBean(EndpointConnections.class)).isNotNull();
            assertThat(context.getBean(SyncSettings.class).retryInitial()).isEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void settingsHaveProductionDefaultsAndTakeOverrides() {
        SyncSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "powernode.sync.retry-initial", "100ms", "powernode.sync.workers", "8")))
                .bind("powernode.sync", SyncSettings.class).get();

        assertThat(settings).isEqualTo(new SyncSettings(Duration.ofMillis(100), Duration.ofSeconds(60),
                Duration.ofSeconds(1), 8, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(3)));
    }
}
