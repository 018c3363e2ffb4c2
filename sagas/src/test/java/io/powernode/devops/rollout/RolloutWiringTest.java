package io.powernode.devops.rollout;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sagas get their resources from the app's beans, as Axon's Spring resource injector autowires them. */
class RolloutWiringTest {

    @Test
    void theSagasResourcesAreTheAppsBeansAndTheCheckIntervalDefaultsToTwoSeconds() throws Exception {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(CommandGateway.class,
                    () -> DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build());
            context.registerBean(DeadlineManager.class,
                    () -> SimpleDeadlineManager.builder().scopeAwareProvider(scope -> Stream.empty()).build());
            context.registerBean(RolloutProbe.class, ScriptedProbe::new);
            context.register(RolloutConfiguration.class, SagaCommands.class);
            context.refresh();

            RolloutSaga rollout = new RolloutSaga();
            StackRemovalSaga removal = new StackRemovalSaga();
            context.getAutowireCapableBeanFactory().autowireBean(rollout);
            context.getAutowireCapableBeanFactory().autowireBean(removal);

            assertThat(context.getBean(RolloutSettings.class).checkInterval()).isEqualTo(Duration.ofSeconds(2));
            for (String resource : new String[] {"commands", "probe", "deadlineManager", "settings"}) {
                assertThat(field(rollout, resource)).as(resource).isNotNull();
            }
            assertThat(field(removal, "commands")).isSameAs(context.getBean(SagaCommands.class));
        }
    }

    @Test
    void theCheckIntervalTakesAnOverride() {
        RolloutSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "powernode.rollout.check-interval", "500ms")))
                .bind("powernode.rollout", RolloutSettings.class).get();

        assertThat(settings.checkInterval()).isEqualTo(Duration.ofMillis(500));
    }

    private static Object field(Object saga, String name) throws ReflectiveOperationException {
        Field field = saga.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(saga);
    }
}
