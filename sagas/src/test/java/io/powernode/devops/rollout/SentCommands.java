package io.powernode.devops.rollout;

import io.powernode.devops.kernel.stack.DeploymentProgress;
import io.powernode.devops.kernel.stack.StackCommands.RecordDeploymentProgress;
import io.powernode.devops.kernel.swarm.ClusterCommands.RequestSwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import org.axonframework.commandhandling.CommandMessage;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands a rollout sent, one line each, as a test reads them best: {@code ask <operation> <subject> #<id>}
 * for a swarm operation, {@code report <key>} for a progress entry.
 */
final class SentCommands {

    private SentCommands() {
    }

    static String ask(String key, String operation) {
        return ask(1, key, operation);
    }

    static String ask(int attempt, String key, String operation) {
        return "ask " + operation + " #" + RolloutFixture.operationId(attempt, key);
    }

    static String report(String key) {
        return "report " + key;
    }

    /** Exactly these commands, in this order. */
    static Matcher<List<? super CommandMessage<?>>> sent(String... lines) {
        List<String> expected = Arrays.asList(lines);
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return summarise(actual).equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendValueList("", "\n", "", expected);
            }

            @Override
            public void describeMismatch(Object actual, Description description) {
                description.appendValueList("was ", "\n", "", summarise(actual));
            }
        };
    }

    /** Among the commands, the progress entry of that key, exactly as given. */
    static Matcher<List<? super CommandMessage<?>>> reported(String key, DeploymentProgress progress) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return reports(actual).stream().anyMatch(report -> report.key().equals(key)
                        && Objects.equals(report.progress(), progress));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a report " + key + ": " + progress);
            }

            @Override
            public void describeMismatch(Object actual, Description description) {
                description.appendValueList("reports were ", "\n", "", reports(actual));
            }
        };
    }

    /** Among the commands, the request of that key (attempt 1), whose operation meets the requirements. */
    static Matcher<List<? super CommandMessage<?>>> requesting(String key, Consumer<SwarmOperation> requirements) {
        String operationId = RolloutFixture.operationId(1, key);
        return satisfying(commands -> assertThat(commands).map(CommandMessage::getPayload)
                .filteredOn(RequestSwarmOperation.class::isInstance).map(RequestSwarmOperation.class::cast)
                .filteredOn(request -> request.operationId().equals(operationId))
                .singleElement().extracting(RequestSwarmOperation::operation).satisfies(requirements));
    }

    /** The commands meet the requirements (AssertJ's, whose message explains a mismatch). */
    static Matcher<List<? super CommandMessage<?>>> satisfying(Consumer<List<CommandMessage<?>>> requirements) {
        return new BaseMatcher<>() {
            private String failure = "";

            @Override
            public boolean matches(Object actual) {
                try {
                    requirements.accept(((List<?>) actual).stream()
                            .<CommandMessage<?>>map(command -> (CommandMessage<?>) command).toList());
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("commands meeting the requirements");
            }

            @Override
            public void describeMismatch(Object actual, Description description) {
                description.appendText(failure);
            }
        };
    }

    private static List<RecordDeploymentProgress> reports(Object commands) {
        return ((List<?>) commands).stream().map(command -> ((CommandMessage<?>) command).getPayload())
                .filter(RecordDeploymentProgress.class::isInstance).map(RecordDeploymentProgress.class::cast)
                .toList();
    }

    private static List<String> summarise(Object commands) {
        return ((List<?>) commands).stream().map(command -> summary(((CommandMessage<?>) command).getPayload()))
                .toList();
    }

    private static String summary(Object command) {
        if (command instanceof RequestSwarmOperation request) {
            return "ask " + new PlannedOperation("", request.operation()).describe() + " #" + request.operationId();
        }
        if (command instanceof RecordDeploymentProgress progress) {
            return "report " + progress.key();
        }
        return command.toString();
    }
}
