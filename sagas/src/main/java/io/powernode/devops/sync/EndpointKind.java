package io.powernode.devops.sync;

/** What a sync target is: a standalone host, or a swarm cluster reached through its manager endpoint. */
public enum EndpointKind { docker_host, swarm_cluster }
