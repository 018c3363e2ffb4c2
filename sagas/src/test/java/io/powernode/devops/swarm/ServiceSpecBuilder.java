package io.powernode.devops.swarm;

import io.powernode.devops.kernel.common.SealedValue;
import io.powernode.devops.kernel.swarm.ServiceSpec;
import io.powernode.devops.kernel.swarm.ServiceSpec.FileReference;
import io.powernode.devops.kernel.swarm.ServiceSpec.Healthcheck;
import io.powernode.devops.kernel.swarm.ServiceSpec.Mount;
import io.powernode.devops.kernel.swarm.ServiceSpec.NetworkAttachment;
import io.powernode.devops.kernel.swarm.ServiceSpec.PublishedPort;
import io.powernode.devops.kernel.swarm.ServiceSpec.Resources;
import io.powernode.devops.kernel.swarm.ServiceSpec.RestartPolicy;
import io.powernode.devops.kernel.swarm.ServiceSpec.UpdatePolicy;
import io.powernode.devops.kernel.swarm.SwarmInventory.ServiceMode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A kernel ServiceSpec to fill in field by field: the record takes 29 arguments. */
final class ServiceSpecBuilder {

    String name;
    String image;
    List<String> command;
    List<String> args;
    Map<String, String> env;
    Map<String, String> labels;
    Map<String, String> containerLabels;
    ServiceMode mode;
    Integer replicas;
    Integer maxReplicasPerNode;
    List<Mount> mounts;
    List<NetworkAttachment> networks;
    List<PublishedPort> ports;
    String endpointMode;
    List<String> constraints;
    List<String> preferences;
    Resources resources;
    RestartPolicy restartPolicy;
    UpdatePolicy updateConfig;
    UpdatePolicy rollbackConfig;
    Healthcheck healthcheck;
    List<FileReference> secrets;
    List<FileReference> configs;
    String user;
    String workdir;
    String hostname;
    Duration stopGracePeriod;
    SealedValue registryAuth;

    ServiceSpecBuilder(String name, String image) {
        this.name = name;
        this.image = image;
    }

    ServiceSpec build() {
        return new ServiceSpec(name, image, command, args, env, labels, containerLabels, mode, replicas,
                maxReplicasPerNode, mounts, networks, ports, endpointMode, constraints, preferences, resources,
                restartPolicy, updateConfig, rollbackConfig, healthcheck, secrets, configs, user, workdir, hostname,
                stopGracePeriod, registryAuth);
    }
}
