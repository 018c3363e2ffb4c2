package io.powernode.devops.command.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.powernode.devops.kernel.host.HostCommands.RecordDockerEvent;
import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.powernode.devops.command.host.HostTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The host is snapshotted in production; a snapshot must bring back every bit of state decisions rely on. */
class DockerHostSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    @Test
    void a_host_survives_a_round_trip_through_the_jackson_serializer() {
        FixtureConfiguration<DockerHost> fixture = fixtureWith(new InMemoryHostNameRegistry());
        DockerEventRecord event = new DockerEventRecord("container", "die", "c-web", Map.of(), "local", 1L);

        fixture.given(hostInError())
                .when(new RecordDockerEvent(HOST_ID, event))
                .expectState(host -> {
                    SerializedObject<byte[]> snapshot = serializer.serialize(host, byte[].class);
                    DockerHost restored = serializer.deserialize(snapshot);
                    assertThat(restored).usingRecursiveComparison().isEqualTo(host);
                });
    }
}
