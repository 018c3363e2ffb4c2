package io.powernode.devops.kernel.swarm;

import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackPlan.ConfigPlan;
import io.powernode.devops.kernel.stack.StackPlan.NetworkPlan;
import io.powernode.devops.kernel.stack.StackPlan.SecretPlan;
import io.powernode.devops.kernel.stack.StackPlan.ServicePlan;
import io.powernode.devops.kernel.stack.StackRevision.DeployOptions;
import io.powernode.devops.kernel.stack.StackRevision.ResolveImage;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.ServiceSpec.RestartPolicy;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.*;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OperationSummaryTest {
    private static final String CLUSTER = "c1";
    private static final SealedValue SEALED = new SealedValue("master-2026", "c2VhbGVkLXNlY3JldC12YWx1ZQ==");

    private static ServiceSpec spec(String name, SealedValue registryAuth) {
        return new ServiceSpec(name, "shop/web:1.0", null, List.of("--port", "80"), Map.of("MODE", "prod"), null, null,
                ServiceMode.replicated, 2, null, null, null, List.of(new PublishedPort(80, 8080, "tcp", "ingress")),
                null, List.of("node.role==worker"), null, null,
                new RestartPolicy("on-failure", Duration.ofSeconds(5), 3, null), null, null, null,
                List.of(new FileReference("db_password", null, null, null, 292)), null, null, null, null, null,
                registryAuth);
    }

    /** One of every kind of operation, with the target it acts on. */
    static Stream<Arguments> everyOperation() {
        return Stream.of(
                arguments(new InitSwarm("host-1", null, null, true, 5), "host-1"),
                arguments(new JoinSwarm("host-2", NodeRole.worker, null, null), "host-2"),
                arguments(new LeaveSwarm("host-2", false), "host-2"),
                arguments(new UpdateSwarmSettings(true, null), CLUSTER),
                arguments(new RotateJoinTokens(true, true), CLUSTER),
                arguments(new RotateUnlockKey(), CLUSTER),
                arguments(new SetNodeAvailability("node-1", NodeAvailability.drain), "node-1"),
                arguments(new ChangeNodeLabels("node-1", Map.of("zone", "a"), List.of("old")), "node-1"),
                arguments(new ChangeNodeRole("node-1", NodeRole.manager, false), "node-1"),
                arguments(new RemoveNode("node-1", true), "node-1"),
                arguments(new CreateService(spec("web", null)), "web"),
                arguments(new UpdateService("svc-1", spec("web", null), true), "svc-1"),
                arguments(new ScaleService("svc-1", 0), "svc-1"),
                arguments(new RollbackService("svc-1"), "svc-1"),
                arguments(new RemoveService("svc-1"), "svc-1"),
                arguments(new CreateSecret("db_password", SEALED, Map.of()), "db_password"),
                arguments(new UpdateSecretLabels("sec-1", Map.of("team", "shop")), "sec-1"),
                arguments(new RemoveSecret("sec-1"), "sec-1"),
                arguments(new RotateSecret("sec-1", null, SEALED, Map.of()), "sec-1"),
                arguments(new CreateConfig("nginx.conf", "c2VydmVyIHt9", Map.of(), null), "nginx.conf"),
                arguments(new RemoveConfig("cfg-1"), "cfg-1"),
                arguments(new RotateConfig("cfg-1", "nginx.conf.v2", "c2VydmVyIHt9", Map.of(), null), "cfg-1"),
                arguments(new CreateNetwork("app", null, true, false, true, Map.of(), "10.10.0.0/24", null), "app"),
                arguments(new RemoveNetwork("net-1"), "net-1"),
                arguments(new CreateVolume("data", "local", Map.of(), Map.of()), "data"),
                arguments(new RemoveVolume("data", false), "data"),
                arguments(new DeployStack(plan(), new DeployOptions(true, ResolveImage.never, SEALED),
                        List.of("shop_web")), "shop"),
                arguments(new ApplyService("shop", plan().services().get(0), DeployOptions.defaults()), "shop_web"),
                arguments(new WithdrawServiceEndpoint("shop_web", "web"), "shop_web"),
                arguments(new ExposeServiceEndpoint("shop_web-green", "web",
                        List.of(new PublishedPort(80, 8080, "tcp", "host"))), "shop_web-green"),
                arguments(new RemoveStack("shop"), "shop"));
    }

    /** A stack whose service spec holds what users put passwords in: an env value and a command. */
    private static StackPlan plan() {
        return new StackPlan("shop",
                List.of(new NetworkPlan("shop_default", "{\"Name\":\"shop_default\",\"Driver\":\"overlay\"}")),
                List.of(new SecretPlan("shop_db_password", "{\"Name\":\"shop_db_password\"}", SEALED)),
                List.of(new ConfigPlan("shop_nginx", "{\"Name\":\"shop_nginx\",\"Data\":\"c2VydmVyIHt9\"}")),
                List.of(new ServicePlan("web", "shop_web", "{\"Name\":\"shop_web\",\"TaskTemplate\":{\"ContainerSpec\":"
                        + "{\"Image\":\"shop/web:1\",\"Env\":[\"DB_PASSWORD=hunter2\"]}}}")),
                List.of("shared"));
    }

    @Test
    void theCasesBelowCoverEveryKindOfOperation() {
        List<Class<?>> covered = everyOperation().<Class<?>>map(arguments -> arguments.get()[0].getClass()).toList();
        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(SwarmOperation.class.getPermittedSubclasses()));
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void eachOperationNamesWhatItActsOnAndShowsNoSealedValue(SwarmOperation operation, String target) {
        OperationSummary audit = OperationSummary.of(operation, CLUSTER);

        assertThat(audit.target()).isEqualTo(target);
        assertThat(audit.parameters().toString()).doesNotContain(SEALED.ciphertext()).doesNotContain(SEALED.keyId());
    }

    @Test
    void parametersAreTheOperationsFieldsUnderSnakeCaseNamesWithoutNulls() {
        OperationSummary audit = OperationSummary.of(new InitSwarm("host-1", "10.0.0.1", null, true, 5), CLUSTER);

        assertThat(audit.parameters()).containsExactly(Map.entry("host_id", "host-1"),
                Map.entry("advertise_address", "10.0.0.1"), Map.entry("autolock", true),
                Map.entry("task_history_limit", 5));
    }

    @Test
    void aSecretShowsItsNameAndLabelsOnly() {
        OperationSummary audit = OperationSummary.of(new CreateSecret("db_password", SEALED, Map.of("app", "shop")),
                CLUSTER);

        assertThat(audit.parameters()).isEqualTo(Map.of("name", "db_password", "labels", Map.of("app", "shop")));
    }

    @Test
    void aServiceSpecShowsOnlyThatItCarriesRegistryCredentials() {
        OperationSummary audit = OperationSummary.of(new CreateService(spec("web", SEALED)), CLUSTER);

        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) audit.parameters().get("spec");
        assertThat(spec).containsEntry("registry_auth", true)
                .containsEntry("name", "web")
                .containsEntry("image", "shop/web:1.0")
                .containsEntry("mode", "replicated")
                .containsEntry("env", List.of("MODE"))
                .containsEntry("args", true)
                .containsEntry("ports", List.of(Map.of("target", 80, "published", 8080, "protocol", "tcp",
                        "publish_mode", "ingress")))
                .containsEntry("restart_policy", Map.of("condition", "on-failure", "delay", "PT5S",
                        "max_attempts", 3))
                .containsEntry("secrets", List.of(Map.of("name", "db_password", "mode", 292)))
                .doesNotContainKey("command");
    }

    @Test
    void aConfigShowsItsSizeNotItsContent() {
        OperationSummary summary = OperationSummary.of(new CreateConfig("app.conf", "c2VydmVyIHt9", Map.of(), "golang"),
                CLUSTER);

        assertThat(summary.parameters()).containsEntry("data_bytes", 9).doesNotContainKey("data")
                .containsEntry("template_driver", "golang");
    }

    @Test
    void volumeDriverOptionsShowOnlyTheirNames() {
        OperationSummary summary = OperationSummary.of(new CreateVolume("share", "local",
                Map.of("o", "username=bob,password=hunter2", "type", "cifs"), Map.of()), CLUSTER);

        assertThat(summary.parameters()).containsEntry("driver_options", List.of("o", "type"));
        assertThat(summary.parameters().toString()).doesNotContain("hunter2");
    }

    @Test
    void aStackDeployShowsWhatItsPlanNamesAndNothingOfItsSpecs() {
        OperationSummary audit = OperationSummary.of(new DeployStack(plan(),
                new DeployOptions(true, ResolveImage.changed, SEALED), List.of()), CLUSTER);

        assertThat(audit.parameters().get("plan")).isEqualTo(Map.of("stack", "shop", "networks", List.of("shop_default"),
                "secrets", List.of("shop_db_password"), "configs", List.of("shop_nginx"),
                "services", List.of("shop_web")));
        assertThat(audit.parameters().get("options")).isEqualTo(Map.of("prune", true, "resolve_image", "changed",
                "registry_auth", true));
        assertThat(audit.parameters().toString()).doesNotContain("hunter2").doesNotContain("c2VydmVyIHt9");
    }

    @Test
    void anAppliedServiceShowsItsNamesNotItsSpec() {
        OperationSummary audit = OperationSummary.of(new ApplyService("shop", plan().services().get(0),
                DeployOptions.defaults()), CLUSTER);

        assertThat(audit.parameters().get("service")).isEqualTo(Map.of("service", "web", "name", "shop_web"));
    }

    @Test
    void aServiceSpecWithoutRegistryCredentialsSaysNothingAboutThem() {
        OperationSummary audit = OperationSummary.of(new CreateService(spec("web", null)), CLUSTER);

        assertThat(audit.parameters().get("spec")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .doesNotContainKey("registry_auth");
    }
}
