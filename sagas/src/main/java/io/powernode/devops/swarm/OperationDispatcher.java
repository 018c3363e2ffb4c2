package io.powernode.devops.swarm;

import io.powernode.devops.docker.DockerConnection;
import io.powernode.devops.docker.EngineApi;
import io.powernode.devops.kernel.swarm.SwarmOperation;
import io.powernode.devops.kernel.swarm.SwarmOperation.ApplyService;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.ChangeNodeRole;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.CreateVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.DeployStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.ExposeServiceEndpoint;
import io.powernode.devops.kernel.swarm.SwarmOperation.InitSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.JoinSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.LeaveSwarm;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNetwork;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveNode;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveStack;
import io.powernode.devops.kernel.swarm.SwarmOperation.RemoveVolume;
import io.powernode.devops.kernel.swarm.SwarmOperation.RollbackService;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateConfig;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateJoinTokens;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateSecret;
import io.powernode.devops.kernel.swarm.SwarmOperation.RotateUnlockKey;
import io.powernode.devops.kernel.swarm.SwarmOperation.ScaleService;
import io.powernode.devops.kernel.swarm.SwarmOperation.SetNodeAvailability;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSecretLabels;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateService;
import io.powernode.devops.kernel.swarm.SwarmOperation.UpdateSwarmSettings;
import io.powernode.devops.kernel.swarm.SwarmOperation.WithdrawServiceEndpoint;
import io.powernode.devops.secrets.CredentialSealer;
import org.springframework.stereotype.Component;

/**
 * Carries one {@link SwarmOperation} out against Docker: on the cluster's manager, or for init, join and leave on
 * the host's own daemon. Connections are opened for the operation and closed after it.
 *
 * @throws RuntimeException whatever went wrong, for {@link OperationFailures} to classify
 */
@Component
class OperationDispatcher {

    private final SwarmEndpoints endpoints;
    private final ServiceOperations services;
    private final FileObjectOperations files;
    private final StackDeployment stacks;
    private final StackRemoval stackRemoval;
    private final NodeOperations nodes = new NodeOperations();
    private final SwarmSettings swarm = new SwarmSettings();
    private final SwarmMembership membership = new SwarmMembership();
    private final NetworkOperations networks = new NetworkOperations();
    private final ServiceEndpoints serviceEndpoints = new ServiceEndpoints();

    OperationDispatcher(SwarmEndpoints endpoints, CredentialSealer sealer, SwarmOperationSettings settings) {
        this.endpoints = endpoints;
        RegistryAuth registryAuth = new RegistryAuth(sealer);
        SecretData secretData = new SecretData(sealer);
        this.services = new ServiceOperations(registryAuth);
        this.files = new FileObjectOperations(secretData);
        this.stacks = new StackDeployment(new StackFiles(secretData), new ServicePlans(registryAuth));
        this.stackRemoval = new StackRemoval(settings.inUseWait());
    }

    Outcome carryOut(String clusterId, String accountId, SwarmOperation operation) {
        if (operation instanceof InitSwarm init) {
            try (DockerConnection host = endpoints.host(init.hostId(), accountId)) {
                return membership.init(host.api(), init);
            }
        }
        if (operation instanceof JoinSwarm join) {
            try (DockerConnection host = endpoints.host(join.hostId(), accountId);
                 DockerConnection manager = endpoints.manager(clusterId, accountId)) {
                return membership.join(manager.api(), host.api(), join);
            }
        }
        if (operation instanceof LeaveSwarm leave) {
            try (DockerConnection host = endpoints.host(leave.hostId(), accountId);
                 DockerConnection manager = endpoints.manager(clusterId, accountId)) {
                return membership.leave(manager.api(), host.api(), leave);
            }
        }
        try (DockerConnection manager = endpoints.manager(clusterId, accountId)) {
            return onManager(manager, operation);
        }
    }

    private Outcome onManager(DockerConnection manager, SwarmOperation operation) {
        EngineApi api = manager.api();
        if (operation instanceof UpdateSwarmSettings settings) {
            return swarm.update(api, settings);
        }
        if (operation instanceof RotateJoinTokens rotate) {
            return swarm.rotateJoinTokens(api, rotate);
        }
        if (operation instanceof RotateUnlockKey) {
            return swarm.rotateUnlockKey(api);
        }
        if (operation instanceof SetNodeAvailability availability) {
            return nodes.setAvailability(api, availability.nodeId(), availability.availability());
        }
        if (operation instanceof ChangeNodeLabels labels) {
            return nodes.changeLabels(api, labels.nodeId(), labels.add(), labels.remove());
        }
        if (operation instanceof ChangeNodeRole role) {
            return nodes.changeRole(api, role.nodeId(), role.role());
        }
        if (operation instanceof RemoveNode remove) {
            return nodes.remove(manager, remove.nodeId(), remove.force());
        }
        if (operation instanceof CreateService create) {
            return services.create(api, create.spec());
        }
        if (operation instanceof UpdateService update) {
            return services.update(api, update);
        }
        if (operation instanceof ScaleService scale) {
            return services.scale(api, scale);
        }
        if (operation instanceof RollbackService rollback) {
            return services.rollback(api, rollback.serviceId());
        }
        if (operation instanceof RemoveService remove) {
            return services.remove(manager, remove.serviceId());
        }
        if (operation instanceof CreateSecret create) {
            return files.createSecret(api, create);
        }
        if (operation instanceof UpdateSecretLabels labels) {
            return files.updateSecretLabels(api, labels.secretId(), labels.labels());
        }
        if (operation instanceof RemoveSecret remove) {
            return files.remove(manager, FileKind.SECRET, remove.secretId());
        }
        if (operation instanceof RotateSecret rotate) {
            return files.rotateSecret(api, rotate);
        }
        if (operation instanceof CreateConfig create) {
            return files.createConfig(api, create);
        }
        if (operation instanceof RemoveConfig remove) {
            return files.remove(manager, FileKind.CONFIG, remove.configId());
        }
        if (operation instanceof RotateConfig rotate) {
            return files.rotateConfig(api, rotate);
        }
        if (operation instanceof CreateNetwork create) {
            return networks.createNetwork(manager, create);
        }
        if (operation instanceof RemoveNetwork remove) {
            return networks.removeNetwork(manager, remove.networkId());
        }
        if (operation instanceof CreateVolume create) {
            return networks.createVolume(manager, create);
        }
        if (operation instanceof RemoveVolume remove) {
            return networks.removeVolume(manager, remove.name(), remove.force());
        }
        if (operation instanceof DeployStack deploy) {
            return stacks.deploy(api, deploy);
        }
        if (operation instanceof ApplyService apply) {
            return stacks.apply(api, apply);
        }
        if (operation instanceof WithdrawServiceEndpoint withdraw) {
            return serviceEndpoints.withdraw(api, withdraw);
        }
        if (operation instanceof ExposeServiceEndpoint expose) {
            return serviceEndpoints.expose(api, expose);
        }
        if (operation instanceof RemoveStack remove) {
            return stackRemoval.remove(api, remove.stack());
        }
        throw new IllegalArgumentException("no way to carry out " + SwarmOperation.typeOf(operation));
    }
}
