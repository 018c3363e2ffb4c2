package io.powernode.devops.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.powernode.devops.kernel.stack.DeploymentProgress.Completed;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.rollout.RolloutFixture.CHECK;
import static io.powernode.devops.rollout.RolloutFixture.T0;
import static io.powernode.devops.rollout.RolloutFixture.promoted;
import static io.powernode.devops.rollout.RolloutFixture.requested;
import static io.powernode.devops.rollout.SentCommands.ask;
import static io.powernode.devops.rollout.SentCommands.report;
import static io.powernode.devops.rollout.SentCommands.reported;
import static io.powernode.devops.rollout.SentCommands.sent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform restart loads a saga from the saga store (as JSON, Jackson) and fires its persisted deadlines: the
 * rollout must go on from exactly where it stood, and a message handled again must change nothing.
 */
class RolloutSagaRestartTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Analysis ANALYSIS = new Analysis(INTERVAL, 0, 1,
            new HttpProbe("/health", 8080, 3, 0.9, Duration.ofSeconds(1)));
    private static final Canary CANARY = new Canary(List.of(), Duration.ofSeconds(60), List.of(
            new CanaryStep(50, null, true), new CanaryStep(100, Duration.ofSeconds(30), false)), ANALYSIS);
    private static final BlueGreen BLUE_GREEN = new BlueGreen(List.of(), Duration.ofSeconds(60),
            Duration.ofSeconds(30), ANALYSIS, false, Duration.ofSeconds(60), Map.of(8080, 9080));
    private static final PublishedPort HOST_8080 = new PublishedPort(80, 8080, "tcp", "host");

    private final RolloutFixture rollout = new RolloutFixture();
    private RolloutSaga saga;

    RolloutSagaRestartTest() {
        // the fixture hands every saga it loads to the injectors: this one keeps it, to read and replace its state
        rollout.fixture.registerResourceInjector(loaded -> saga = (RolloutSaga) loaded);
    }

    @AfterEach
    void close() {
        rollout.close();
    }

    /**
     * Axon's default mapper, and one configured as Spring Boot configures the platform's: snake_case, and every
     * Jackson module on the classpath (the app's has parameter names, which could change how objects are created).
     */
    static Stream<ObjectMapper> mappers() {
        return Stream.of(
                new ObjectMapper().registerModule(new JavaTimeModule()),
                JsonMapper.builder()
                        .findAndAddModules()
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .serializationInclusion(JsonInclude.Include.ALWAYS)
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build());
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void aCanaryWaitingForAPromoteSurvivesTheSagaStoreAndFinishesAsItWould(ObjectMapper mapper) {
        waitingForPromote();
        RolloutSaga stored = roundTrip(mapper, saga);
        assertThat(stored).usingRecursiveComparison()
                .ignoringFields("commands", "probe", "deadlineManager", "settings")
                .isEqualTo(saga);

        restore(stored);
        rollout.publish(promoted(false)).act()
                .succeed("step-1/canary/web").act()
                .succeed("step-1/stable/web")
                .serve(Observations.running("shop_web-canary", 3, rollout.now()))
                .elapse(CHECK)
                .elapse(Duration.ofSeconds(30)).act()
                .succeed("final/web")
                .serve(Observations.replicated("shop_web", 3).runningTasks(3, rollout.now())
                        .update("completed", rollout.now(), null).get())
                .elapse(CHECK).act()
                .whenSucceeded("remove-canary/web")
                .expectDispatchedCommandsMatching(reported("completed",
                        new Completed(Map.of("db", "shop_db", "web", "shop_web"))))
                .expectActiveSagas(0);
    }

    @ParameterizedTest
    @MethodSource("mappers")
    void aBlueGreenRolloutAfterTheSwitchSurvivesTheSagaStoreAndCanStillBeRolledBack(ObjectMapper mapper) {
        rollout.start(BLUE_GREEN)
                .serve(Observations.replicated("shop_web", 3).runningTasks(3, T0).ports(HOST_8080).get())
                .act().succeed("stack").act().succeed("green/web")
                .serve(Observations.running("shop_web-green", 3, rollout.now()))
                .elapse(CHECK).elapse(Duration.ofSeconds(30))
                .publish(promoted(false)).act()
                .succeed("switch/expose-green/web").act()
                .succeed("switch/withdraw-blue/web");
        RolloutSaga stored = roundTrip(mapper, saga);
        assertThat(stored).usingRecursiveComparison()
                .ignoringFields("commands", "probe", "deadlineManager", "settings")
                .isEqualTo(saga);

        restore(stored);
        rollout.publish(RolloutFixture.abortRequested(true))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(ask("rollback/expose-blue/web",
                        "expose_service_endpoint shop_web")));
    }

    @Test
    void aStartHandledAgainChangesNothing() {
        rollout.start(CANARY)
                .whenPublished(requested(CANARY))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aSecondPromoteOfTheSameStepChangesNothing() {
        waitingForPromote()
                .publish(promoted(false))
                .publish(promoted(false))
                .whenElapsed(Duration.ZERO)
                .expectDispatchedCommandsMatching(sent(report("step-0-analysis-passed"), report("step-0-completed"),
                        report("step-1-started"), ask("step-1/canary/web", "scale_service shop_web-canary to 3")));
    }

    private RolloutFixture waitingForPromote() {
        return rollout.start(CANARY)
                .serve(Observations.replicated("shop_web", 3).runningTasks(3, T0).ports(HOST_8080).get())
                .act().succeed("stack")
                .act().succeed("step-0/canary/web")
                .act().succeed("step-0/stable/web")
                .serve(Observations.running("shop_web-canary", 2, rollout.now()))
                .elapse(CHECK);
    }

    private static RolloutSaga roundTrip(ObjectMapper mapper, RolloutSaga saga) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        SerializedObject<byte[]> serialized = serializer.serialize(saga, byte[].class);
        return serializer.deserialize(serialized);
    }

    /** The live saga goes on with the state read back, as a restarted platform would. */
    private void restore(RolloutSaga stored) {
        try {
            Field state = RolloutSaga.class.getDeclaredField("rollout");
            state.setAccessible(true);
            state.set(saga, state.get(stored));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
