package io.powernode.devops.sync;

import com.github.dockerjava.api.DockerClient;
import io.powernode.devops.docker.DockerClients;
import io.powernode.devops.docker.DockerFailures;
import io.powernode.devops.docker.HostInventoryReader;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSync;
import io.powernode.devops.kernel.host.HostCommands.RecordHostSyncFailure;
import io.powernode.devops.kernel.host.HostInventory.HostSnapshot;
import io.powernode.devops.secrets.CredentialSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * One sync of one host: read a snapshot and report it, or report why it could not be read. Runs under the
 * host's lock from the read to the report (see {@link HostLocks}).
 */
@Component
public class HostSync {

    private static final Logger log = LoggerFactory.getLogger(HostSync.class);

    private final CredentialSealer sealer;
    private final DockerClients clients;
    private final HostInventoryReader reader;
    private final SyncCommands commands;
    private final SyncLedger ledger;
    private final HostLocks locks;
    private final Clock clock = Clock.systemUTC();

    public HostSync(CredentialSealer sealer, DockerClients clients, HostInventoryReader reader, SyncCommands commands,
                    SyncLedger ledger, HostLocks locks) {
        this.sealer = sealer;
        this.clients = clients;
        this.reader = reader;
        this.commands = commands;
        this.ledger = ledger;
        this.locks = locks;
    }

    /** @return whether the daemon answered */
    public boolean sync(SyncTarget target) {
        return locks.call(target.endpointId(), () -> readAndReport(target));
    }

    /** Closes the host's Docker client once no sync uses it; a later sync would open a new one. */
    public void release(String hostId) {
        locks.run(hostId, () -> clients.release(hostId));
    }

    private boolean readAndReport(SyncTarget target) {
        HostSnapshot snapshot;
        try {
            DockerClient docker = clients.clientFor(target.endpointId(), target.connection(sealer));
            snapshot = reader.read(docker);
        } catch (RuntimeException e) {
            String error = DockerFailures.describe(e, target.apiEndpoint());
            log.info("sync of host {} failed: {}", target.endpointId(), error);
            commands.send(target.accountId(), new RecordHostSyncFailure(target.endpointId(), error, clock.instant()));
            return false;
        }
        ledger.answered(target.endpointId(), snapshot.observedAt());
        commands.send(target.accountId(), new RecordHostSync(target.endpointId(), snapshot));
        return true;
    }
}
