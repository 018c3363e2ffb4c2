package io.powernode.devops.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEventRecordTest {

    @Test
    void anEventKeepsItsIdentityButNeitherSecretsNorOversizedValues() {
        Event event = new Event().withType(EventType.CONTAINER).withAction("start").withTimenano(1_700_000_000_123_456_789L)
                .withEventActor(new EventActor().withId("c1").withAttributes(Map.of(
                        "image", "web:1",
                        "name", "web",
                        "DB_PASSWORD", "hunter2",
                        "com.example.api-token", "abc",
                        "description", "x".repeat(DockerEventFollower.MAX_ATTRIBUTE_LENGTH + 1))));

        DockerEventRecord record = DockerEventFollower.record(event);

        assertThat(record).isEqualTo(new DockerEventRecord("container", "start", "c1",
                Map.of("image", "web:1", "name", "web"), "local", 1_700_000_000_123_456_789L));
    }

    @Test
    void anExecEventKeepsOnlyItsVerbNotTheCommandLine() {
        Event start = new Event().withType(EventType.CONTAINER).withAction("exec_start: sh -c \"export TOKEN=abc\"")
                .withTimenano(1L).withEventActor(new EventActor().withId("c1").withAttributes(Map.of("execID", "e1")));
        Event create = new Event().withType(EventType.CONTAINER).withStatus("exec_create: env SECRET=x")
                .withTimenano(2L).withEventActor(new EventActor().withId("c1"));
        Event health = new Event().withType(EventType.CONTAINER).withAction("health_status: healthy")
                .withTimenano(3L).withEventActor(new EventActor().withId("c1"));

        assertThat(DockerEventFollower.record(start).action()).isEqualTo("exec_start");
        assertThat(DockerEventFollower.record(start).attributes()).containsEntry("execID", "e1");
        assertThat(DockerEventFollower.record(create).action()).isEqualTo("exec_create");
        assertThat(DockerEventFollower.record(health).action()).isEqualTo("health_status: healthy");
    }

    @Test
    void labelsAndEventAttributesShareOneNotionOfASecretName() {
        assertThat(SecretNames.withoutSecrets(Map.of("app", "web", "DB_PASSWORD", "x", "github.token", "y",
                "private_key", "z", "com.example.ApiKey", "k", "basic-auth", "a")))
                .containsExactly(Map.entry("app", "web"));
        assertThat(SecretNames.withoutSecrets(null)).isEmpty();
    }

    @Test
    void resumingAsksForEventsSinceTheLastNanosecondSeen() {
        assertThat(DockerEventFollower.dockerTimestamp(1_700_000_000_000_000_042L)).isEqualTo("1700000000.000000042");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(40)).isEqualTo(Duration.ofSeconds(1));
    }
}
