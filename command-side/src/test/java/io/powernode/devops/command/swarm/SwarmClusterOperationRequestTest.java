package io.powernode.devops.command.swarm;

import io.powernode.devops.command.endpoint.InMemoryNameRegistry;
import io.powernode.devops.kernel.common.ConnectionStatus;
import io.powernode.devops.kernel.common.DomainError.Kind;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.ClusterEvents.ClusterMaintenanceStarted;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmInfoChanged;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmServicesChanged;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmInventory.NodeRole;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceSummary;
import io.powernode.devops.kernel.swarm.SwarmInventory.SwarmInfo;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationSucceeded;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.powernode.devops.command.endpoint.DomainErrorMatcher.domainError;
import static io.powernode.devops.command.swarm.ClusterTestData.*;

/**
 * A user's request for Docker to act on the connected cluster, judged against the swarm it synced at T1: one
 * manager (node-m) and one worker (node-w), the replicated services web and api, autolock off.
 */
class SwarmClusterOperationRequestTest {

    private static final ScaleService SCALE_WEB = new ScaleService("svc-web", 3);

    private FixtureConfiguration<SwarmCluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(new InMemoryNameRegistry());
    }

    private static ServiceSpec spec(String name, String image) {
        return new ServiceSpec(name, image, null, null, null, null, null, ServiceMode.replicated, 1, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    @Test
    void a_request_is_recorded_and_answered_with_its_operation_id() {
        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(SCALE_WEB))
                .expectEvents(requested(SCALE_WEB))
                .expectResultMessagePayload(OPERATION_ID);
    }

    @Test
    void a_request_repeated_while_its_operation_is_pending_is_recorded_once() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB))
                .when(request(SCALE_WEB))
                .expectNoEvents()
                .expectResultMessagePayload(OPERATION_ID);
    }

    @Test
    void a_request_repeated_just_after_its_operation_finished_is_not_run_again() {
        fixture.given(connectedCluster())
                .andGiven(requested(SCALE_WEB),
                        new SwarmOperationSucceeded(CLUSTER_ID, ACCOUNT, OPERATION_ID, "scale_service", "svc-web",
                                List.of(), NOW))
                .when(request(SCALE_WEB))
                .expectNoEvents()
                .expectResultMessagePayload(OPERATION_ID);
    }

    @Test
    void a_secret_value_is_recorded_sealed_as_it_was_asked() {
        CreateSecret create = new CreateSecret("db_password", new SealedValue("master-1", "c2VhbGVk"),
                Map.of("app", "web"));

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(create))
                .expectEvents(requested(create));
    }

    @Test
    void a_cluster_in_maintenance_refuses_operations() {
        fixture.given(connectedCluster())
                .andGiven(new ClusterMaintenanceStarted(CLUSTER_ID, ACCOUNT, ConnectionStatus.connected,
                        "manager upgrade", NOW))
                .when(request(SCALE_WEB))
                .expectException(domainError(Kind.CONFLICT, "cluster_in_maintenance"))
                .expectNoEvents();
    }

    @Test
    void creating_the_swarm_of_a_registered_cluster_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new InitSwarm("host-1", null, null, false, null)))
                .expectException(domainError(Kind.RULE_VIOLATION, "swarm_already_initialized"))
                .expectNoEvents();
    }

    static Stream<SwarmOperation> operationsOnAnUnknownNode() {
        return Stream.of(
                new SetNodeAvailability("node-x", NodeAvailability.drain),
                new ChangeNodeLabels("node-x", Map.of("zone", "a"), List.of()),
                new ChangeNodeRole("node-x", NodeRole.manager, false),
                new RemoveNode("node-x", true));
    }

    @ParameterizedTest
    @MethodSource("operationsOnAnUnknownNode")
    void an_operation_on_a_node_the_cluster_does_not_know_is_refused(SwarmOperation operation) {
        fixture.given(connectedCluster())
                .when(request(operation))
                .expectException(domainError(Kind.NOT_FOUND, "node_not_found"))
                .expectNoEvents();
    }

    @Test
    void draining_a_known_node_is_requested() {
        SetNodeAvailability drain = new SetNodeAvailability("node-w", NodeAvailability.drain);

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(drain))
                .expectEvents(requested(drain));
    }

    @Test
    void promoting_a_worker_is_requested() {
        ChangeNodeRole promote = new ChangeNodeRole("node-w", NodeRole.manager, false);

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(promote))
                .expectEvents(requested(promote));
    }

    @Test
    void giving_a_node_the_role_it_has_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new ChangeNodeRole("node-w", NodeRole.worker, false)))
                .expectException(domainError(Kind.RULE_VIOLATION, "node_role_unchanged"));
    }

    @Test
    void removing_a_worker_is_requested() {
        RemoveNode remove = new RemoveNode("node-w", false);

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(remove))
                .expectEvents(requested(remove));
    }

    @Test
    void scaling_to_a_negative_number_of_replicas_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new ScaleService("svc-web", -1)))
                .expectException(domainError(Kind.RULE_VIOLATION, "replicas_negative"));
    }

    @Test
    void scaling_to_zero_replicas_is_requested() {
        ScaleService stop = new ScaleService("svc-web", 0);

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(stop))
                .expectEvents(requested(stop));
    }

    @Test
    void scaling_a_global_service_is_refused() {
        ServiceSummary agent = new ServiceSummary("svc-agent", "agent", ServiceMode.global, "agent:1", null, 2,
                null, null, Map.of(), 3);

        fixture.given(connectedCluster())
                .andGiven(new SwarmServicesChanged(CLUSTER_ID, ACCOUNT, List.of(agent), List.of(), List.of(), T2))
                .when(request(new ScaleService("svc-agent", 3)))
                .expectException(domainError(Kind.RULE_VIOLATION, "service_is_global"));
    }

    @Test
    void a_service_the_inventory_does_not_know_yet_is_left_to_docker() {
        ScaleService scaleNew = new ScaleService("svc-just-created", 2);

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(scaleNew))
                .expectEvents(requested(scaleNew));
    }

    @Test
    void changing_no_swarm_setting_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new UpdateSwarmSettings(null, null)))
                .expectException(domainError(Kind.RULE_VIOLATION, "nothing_to_change"));
    }

    @Test
    void a_negative_task_history_limit_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new UpdateSwarmSettings(null, -1)))
                .expectException(domainError(Kind.RULE_VIOLATION, "task_history_limit_negative"));
    }

    @Test
    void turning_autolock_on_is_requested() {
        UpdateSwarmSettings autolock = new UpdateSwarmSettings(true, null);

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(autolock))
                .expectEvents(requested(autolock));
    }

    @Test
    void rotating_no_join_token_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new RotateJoinTokens(false, false)))
                .expectException(domainError(Kind.RULE_VIOLATION, "nothing_to_rotate"));
    }

    @Test
    void rotating_the_unlock_key_of_a_swarm_without_autolock_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new RotateUnlockKey()))
                .expectException(domainError(Kind.RULE_VIOLATION, "autolock_off"));
    }

    @Test
    void rotating_the_unlock_key_of_an_autolocked_swarm_is_requested() {
        SwarmInfo autolocked = new SwarmInfo(SWARM.swarmId(), SWARM.createdAt(), true, SWARM.taskHistoryLimit());

        fixture.given(connectedCluster())
                .andGiven(new SwarmInfoChanged(CLUSTER_ID, ACCOUNT, autolocked, T2))
                .andGivenCurrentTime(NOW)
                .when(request(new RotateUnlockKey()))
                .expectEvents(requested(new RotateUnlockKey()));
    }

    @Test
    void rotating_the_unlock_key_before_the_first_sync_is_left_to_docker() {
        fixture.given(clusterRegistered())
                .andGivenCurrentTime(NOW)
                .when(request(new RotateUnlockKey()))
                .expectEvents(requested(new RotateUnlockKey()));
    }

    @Test
    void creating_a_service_without_a_name_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new CreateService(spec(" ", "nginx:1.27"))))
                .expectException(domainError(Kind.RULE_VIOLATION, "service_name_missing"));
    }

    @Test
    void creating_a_service_without_an_image_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new CreateService(spec("web", null))))
                .expectException(domainError(Kind.RULE_VIOLATION, "service_image_missing"));
    }

    @Test
    void updating_a_service_to_a_spec_without_an_image_is_refused() {
        fixture.given(connectedCluster())
                .when(request(new UpdateService("svc-web", spec("web", ""), false)))
                .expectException(domainError(Kind.RULE_VIOLATION, "service_image_missing"));
    }

    @Test
    void creating_a_service_is_requested() {
        CreateService create = new CreateService(spec("cache", "redis:7"));

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(create))
                .expectEvents(requested(create));
    }

    static Stream<SwarmOperation> hostOperationsWithoutAHost() {
        return Stream.of(new JoinSwarm(null, NodeRole.worker, null, null), new LeaveSwarm("", false));
    }

    @ParameterizedTest
    @MethodSource("hostOperationsWithoutAHost")
    void joining_or_leaving_without_a_host_is_refused(SwarmOperation operation) {
        fixture.given(connectedCluster())
                .when(request(operation))
                .expectException(domainError(Kind.RULE_VIOLATION, "host_id_missing"));
    }

    @Test
    void an_operation_docker_judges_is_requested_as_asked() {
        RemoveService remove = new RemoveService("svc-gone-already");

        fixture.given(connectedCluster())
                .andGivenCurrentTime(NOW)
                .when(request(remove))
                .expectEvents(requested(remove));
    }
}
