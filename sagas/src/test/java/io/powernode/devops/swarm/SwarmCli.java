package io.powernode.devops.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.powernode.devops.testing.SwarmNode;
import io.powernode.devops.testing.TestSwarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the tests check and clean up through the docker CLI, independently of the code under test. */
final class SwarmCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SwarmCli() {
    }

    /** {@code docker <kind> inspect <id>}, e.g. kind "service", "secret", "node". */
    static JsonNode inspect(SwarmNode manager, String kind, String id) {
        try {
            return JSON.readTree(manager.docker(kind, "inspect", id)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(SwarmNode manager, String kind, String id) {
        try {
            manager.docker(kind, "inspect", id);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Waits until exactly {@code count} tasks of the service run. */
    static void awaitRunning(SwarmNode manager, String service, int count) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> states = runningTasks(manager, service);
            assertThat(states).hasSize(count).allMatch(line -> line.contains(" Running "));
        });
    }

    /** "node taskId CurrentState" of each task meant to run. */
    static List<String> runningTasks(SwarmNode manager, String service) {
        return manager.docker("service", "ps", service, "--no-trunc", "--filter", "desired-state=running",
                "--format", "{{.Node}} {{.ID}} {{.CurrentState}}").lines().toList();
    }

    /** Runs a command in the container of one running task of the service, on the node that runs it. */
    static String execInTask(TestSwarm swarm, String service, String... command) {
        String[] task = runningTasks(swarm.leader(), service).get(0).split(" ");
        SwarmNode node = swarm.nodes().stream().filter(n -> n.name().equals(task[0])).findFirst().orElseThrow();
        String container = node.docker("ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.task.id=" + task[1])
                .trim();
        String[] exec = new String[command.length + 2];
        exec[0] = "exec";
        exec[1] = container;
        System.arraycopy(command, 0, exec, 2, command.length);
        return node.docker(exec);
    }

    /** Removes what a test made, ignoring what is already gone. */
    static void removeQuietly(SwarmNode manager, String kind, String... ids) {
        for (String id : ids) {
            try {
                manager.docker(kind, "rm", id);
            } catch (IllegalStateException e) {
                // already gone, or never made
            }
        }
    }

    /** {@code docker stack rm}, for a test's cleanup: whatever the code under test left of the stack goes. */
    static void removeStackQuietly(SwarmNode manager, String stack) {
        try {
            manager.docker("stack", "rm", stack);
        } catch (IllegalStateException e) {
            // nothing left
        }
    }
}
