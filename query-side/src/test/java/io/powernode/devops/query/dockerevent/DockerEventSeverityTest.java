package io.powernode.devops.query.dockerevent;

import io.powernode.devops.kernel.host.HostInventory.DockerEventRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEventSeverityTest {

    @ParameterizedTest(name = "{0} {1} exitCode={2} -> {3}")
    @CsvSource({
            "container, die, 137, error",
            "container, die, 1, error",
            "container, die, 0, info",
            "container, die, , info",
            "container, oom, , error",
            "container, 'health_status: unhealthy', , error",
            "container, 'health_status: healthy', , info",
            "container, kill, , warning",
            "container, stop, , info",
            "container, start, , info",
            "container, , 1, info",
            "network, die, 1, info",
            "image, pull, , info",
    })
    void classifies(String type, String action, String exitCode, String severity) {
        Map<String, String> attributes = new HashMap<>();
        if (exitCode != null) {
            attributes.put("exitCode", exitCode);
        }
        DockerEventRecord event = new DockerEventRecord(type, action, "actor", attributes, "local", 1L);

        assertThat(DockerEventSeverity.of(event)).isEqualTo(severity);
    }

    /** A swarm manager names what an update changed as {@code <field>.new} attributes. */
    @ParameterizedTest(name = "{0} {1} {2}={3} -> {4}")
    @CsvSource({
            "node, update, state.new, down, error",
            "node, update, state.new, disconnected, error",
            "node, update, state.new, ready, info",
            "node, update, reachability.new, unreachable, error",
            "node, update, reachability.new, reachable, info",
            "node, update, availability.new, drain, info",
            "node, remove, name, worker-1, info",
            "service, update, updatestate.new, paused, error",
            "service, update, updatestate.new, rollback_paused, error",
            "service, update, updatestate.new, rollback_started, warning",
            "service, update, updatestate.new, completed, info",
            "service, create, name, web, info",
            "secret, remove, name, db_password, info",
    })
    void classifiesSwarmEvents(String type, String action, String attribute, String value, String severity) {
        DockerEventRecord event = new DockerEventRecord(type, action, "actor", Map.of(attribute, value), "swarm", 1L);

        assertThat(DockerEventSeverity.of(event)).isEqualTo(severity);
    }
}
