package io.powernode.devops.swarm;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerTimeouts;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.sync.SyncTargets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The beans as the app's component scan finds them, given what the app provides. */
class SwarmWiringTest {

    @Test
    void theExecutorAndTheQueryHandlerAreBuiltFromTheAppsBeans() {
        OperationsFixture parts = new OperationsFixture();
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(SyncTargets.class, () -> parts.targets);
            context.registerBean(CredentialSealer.class, () -> parts.sealer);
            context.registerBean(DockerClientFactory.class,
                    () -> new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))));
            context.registerBean(CommandGateway.class, parts.bus::gateway);
            context.registerBean(ClusterResync.class, () -> clusterId -> { });
            context.scan("io.powernode.devops.swarm");
            context.refresh();

            assertThat(context.getBean(SwarmOperationExecutor.class)).isNotNull();
            assertThat(context.getBean(SwarmLiveQueryHandler.class)).isNotNull();
            assertThat(context.getBean(SwarmOperationSettings.class).targetWait()).isEqualTo(Duration.ofSeconds(5));
            assertThat(context.getBean(SwarmOperationSettings.class).inUseWait()).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Test
    void settingsTakeOverrides() {
        SwarmOperationSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "powernode.swarm-operations.target-wait", "750ms", "powernode.swarm-operations.in-use-wait", "2m")))
                .bind("powernode.swarm-operations", SwarmOperationSettings.class).get();

        assertThat(settings.targetWait()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.inUseWait()).isEqualTo(Duration.ofMinutes(2));
    }
}
