package io.powernode.devops.api;

import org.springframework.stereotype.Component;

/** Builds the {@link VersionedResource} of each kind of resource a controller serves. */
@Component
public class VersionedResources {

    private final AuditedCommands commands;
    private final ReadModelWait wait;

    public VersionedResources(AuditedCommands commands, ReadModelWait wait) {
        this.commands = commands;
        this.wait = wait;
    }

    public <V> VersionedResource<V> of(VersionedResource.Shape<V> shape) {
        return new VersionedResource<>(shape, commands, wait);
    }
}
