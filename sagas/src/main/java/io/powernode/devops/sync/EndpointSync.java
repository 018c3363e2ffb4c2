package io.powernode.devops.sync;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.docker.DockerClients;
import io.powernode.devops.docker.DockerFailures;
import io.powernode.devops.secrets.CredentialSealer;
import io.powernode.devops.sync.EndpointSyncStrategy.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * One sync of one host or cluster: read what its endpoint holds and report it, or report why it could not be
 * read. Runs under the endpoint's lock from the read to the report (see {@link EndpointLocks}).
 */
@Component
public class EndpointSync {

    private static final Logger log = LoggerFactory.getLogger(EndpointSync.class);

    private final CredentialSealer sealer;
    private final DockerClients clients;
    private final SyncStrategies strategies;
    private final SyncCommands commands;
    private final SyncLedger ledger;
    private final EndpointLocks locks;
    private final Clock clock = Clock.systemUTC();

    public EndpointSync(CredentialSealer sealer, DockerClients clients, SyncStrategies strategies,
                        SyncCommands commands, SyncLedger ledger, EndpointLocks locks) {
        this.sealer = sealer;
        this.clients = clients;
        this.strategies = strategies;
        this.commands = commands;
        this.ledger = ledger;
        this.locks = locks;
    }

    public SyncResult sync(SyncTarget target) {
        return locks.call(target.endpointId(), () -> readAndReport(target));
    }

    /** Closes the endpoint's Docker client once no sync uses it; a later sync would open a new one. */
    public void release(String endpointId) {
        locks.run(endpointId, () -> clients.release(endpointId));
    }

    private SyncResult readAndReport(SyncTarget target) {
        EndpointSyncStrategy strategy = strategies.of(target.kind());
        Observation observation;
        try {
            DockerClient docker = clients.clientFor(target.endpointId(), target.connection(sealer));
            observation = strategy.observe(target.endpointId(), docker);
        } catch (RuntimeException e) {
            String error = DockerFailures.describe(e, target.apiEndpoint());
            log.info("sync of {} {} failed: {}", target.kind(), target.endpointId(), error);
            commands.send(target.accountId(), strategy.failure(target.endpointId(), error, clock.instant()));
            return SyncResult.FAILED;
        }
        ledger.answered(target.endpointId(), observation.observedAt());
        commands.send(target.accountId(), observation.report());
        return observation.settling() ? SyncResult.SETTLING : SyncResult.STEADY;
    }
}
