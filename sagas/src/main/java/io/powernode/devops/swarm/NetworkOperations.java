package io.powernode.devops.swarm;

import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.CreateVolumeCmd;
import com.github.dockerjava.api.model.Network;
import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateVolume;

import java.util.Map;

/**
 * Networks and volumes, through docker-java, whose model says all they need; removing a volume by force is
 * the exception (its command has no force flag). Volumes are per node: they are made on the manager the
 * cluster is reached through.
 */
final class NetworkOperations {

    private static final String DEFAULT_DRIVER = "overlay";
    /** The overlay driver's option that encrypts traffic between nodes (IPsec); its value is not read. */
    private static final String ENCRYPTED_OPTION = "encrypted";

    Outcome createNetwork(DockerConnection manager, CreateNetwork create) {
        CreateNetworkCmd command = manager.client().createNetworkCmd()
                .withName(create.name())
                .withDriver(create.driver() == null || create.driver().isBlank() ? DEFAULT_DRIVER : create.driver())
                .withAttachable(create.attachable())
                .withInternal(create.internal())
                .withCheckDuplicate(true)
                .withOptions(create.encrypted() ? Map.of(ENCRYPTED_OPTION, "") : Map.of());
        if (create.labels() != null) {
            command.withLabels(create.labels());
        }
        if (create.subnet() != null || create.gateway() != null) {
            command.withIpam(new Network.Ipam().withConfig(
                    new Network.Ipam.Config().withSubnet(create.subnet()).withGateway(create.gateway())));
        }
        return Outcome.of(command.exec().getId());
    }

    Outcome removeNetwork(DockerConnection manager, String networkId) {
        manager.client().removeNetworkCmd(networkId).exec();
        return Outcome.of(networkId);
    }

    Outcome createVolume(DockerConnection manager, CreateVolume create) {
        CreateVolumeCmd command = manager.client().createVolumeCmd().withName(create.name());
        if (create.driver() != null && !create.driver().isBlank()) {
            command.withDriver(create.driver());
        }
        if (create.driverOptions() != null) {
            command.withDriverOpts(create.driverOptions());
        }
        if (create.labels() != null) {
            command.withLabels(create.labels());
        }
        return Outcome.of(command.exec().getName());
    }

    Outcome removeVolume(DockerConnection manager, String name, boolean force) {
        manager.api().delete(EngineApi.query(SwarmObjects.path("/volumes", name), Map.of("force", force)));
        return Outcome.of(name);
    }
}
