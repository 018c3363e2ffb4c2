package io.powernode.devops.swarm;

import io.powernode.devops.docker.DockerClientFactory;
import io.powernode.devops.docker.DockerTimeouts;
import io.powernode.devops.kernel.common.MessageMetadata;
import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationFailed;
import io.powernode.devops.kernel.swarm.ClusterCommands.RecordSwarmOperationSucceeded;
import io.powernode.devops.kernel.swarm.ClusterEvents.SwarmOperationRequested;
import io.powernode.devops.kernel.swarm.OperationFailure;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.secrets.AesGcmCredentialSealer;
import io.powernode.devops.secrets.MasterKey;
import io.powernode.devops.sync.EndpointKind;
import io.powernode.devops.sync.SyncTarget;
import io.powernode.devops.sync.SyncTargets;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operation executor and live query handler with their real parts, wired as the app wires them, around a
 * {@link RecordingClusterBus} in place of the cluster aggregate and a fresh H2 {@code sync_targets} table, into
 * which tests register the clusters and hosts they use. Public for the tests of other readers of a swarm (the
 * rollout's probe), which need its {@link #endpoints()}.
 */
public final class OperationsFixture {

    public static final String ACCOUNT = "acct-ops";
    public static final String OTHER_ACCOUNT = "acct-other";

    final RecordingClusterBus bus = new RecordingClusterBus();
    final SyncTargets targets = new SyncTargets(migratedDatabase());
    final AesGcmCredentialSealer sealer = new AesGcmCredentialSealer(
            MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32])));
    final List<String> resyncs = new CopyOnWriteArrayList<>();
    final SwarmOperationExecutor executor;
    final SwarmLiveQueryHandler queries;
    private final SwarmEndpoints endpoints;

    public OperationsFixture() {
        this(Duration.ofSeconds(2));
    }

    OperationsFixture(Duration targetWait) {
        this(new SwarmOperationSettings(targetWait, Duration.ofSeconds(60)));
    }

    OperationsFixture(SwarmOperationSettings settings) {
        endpoints = new SwarmEndpoints(targets, sealer,
                new DockerClientFactory(new DockerTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(60))), settings);
        executor = new SwarmOperationExecutor(new OperationCommands(bus.gateway()),
                new OperationDispatcher(endpoints, sealer, settings), resyncs::add);
        queries = new SwarmLiveQueryHandler(endpoints);
    }

    public SwarmEndpoints endpoints() {
        return endpoints;
    }

    public void registerCluster(String clusterId, String accountId, String managerEndpoint) {
        targets.save(new SyncTarget(clusterId, EndpointKind.swarm_cluster, accountId, managerEndpoint, false, null, 30, false));
    }

    void registerHost(String hostId, String accountId, String apiEndpoint) {
        targets.save(new SyncTarget(hostId, EndpointKind.docker_host, accountId, apiEndpoint, false, null, 30, false));
    }

    SealedValue seal(String value) {
        return sealer.sealValue(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Requests the operation of the test account's cluster as the aggregate would, and waits for its outcome. */
    Recorded run(String clusterId, SwarmOperation operation) {
        return handle(requested(clusterId, operation));
    }

    SwarmOperationRequested requested(String clusterId, SwarmOperation operation) {
        return new SwarmOperationRequested(clusterId, ACCOUNT, UUID.randomUUID().toString(), operation, Instant.now());
    }

    /** Hands the event to the executor as its event processor would, and reads what it recorded. */
    Recorded handle(SwarmOperationRequested event) {
        executor.on(event, MetaData.with(MessageMetadata.CORRELATION_ID, "corr-" + event.operationId()),
                "event-" + event.operationId());
        return recorded(event.operationId());
    }

    Recorded recorded(String operationId) {
        RecordSwarmOperationSucceeded succeeded = bus.payloads(RecordSwarmOperationSucceeded.class).stream()
                .filter(command -> command.operationId().equals(operationId)).findFirst().orElse(null);
        RecordSwarmOperationFailed failed = bus.payloads(RecordSwarmOperationFailed.class).stream()
                .filter(command -> command.operationId().equals(operationId)).findFirst().orElse(null);
        return new Recorded(succeeded, failed);
    }

    private static JdbcTemplate migratedDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** What the executor recorded for one operation: a success or a failure. */
    record Recorded(RecordSwarmOperationSucceeded succeeded, RecordSwarmOperationFailed failed) {

        /** The resource id of a success; fails the test, with the failure's words, otherwise. */
        String resourceId() {
            assertThat(failed).as("the operation failed: %s", failed == null ? null : failed.failure()).isNull();
            assertThat(succeeded).as("no outcome was recorded").isNotNull();
            return succeeded.resourceId();
        }

        List<String> notes() {
            resourceId();
            return succeeded.notes();
        }

        OperationFailure failure() {
            assertThat(succeeded).as("the operation succeeded").isNull();
            assertThat(failed).as("no outcome was recorded").isNotNull();
            return failed.failure();
        }
    }
}
