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
}
