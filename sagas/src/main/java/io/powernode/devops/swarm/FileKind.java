package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.OperationFailure.Kind;

/**
 * Secrets and configs: swarm objects that services mount as files, alike in the API but for their names.
 */
enum FileKind {
    SECRET("secret", "secrets", "Secrets", "SecretID", "SecretName"),
    CONFIG("config", "configs", "Configs", "ConfigID", "ConfigName");

    private final String noun;
    private final String path;
    private final String specField;
    private final String idField;
    private final String nameField;

    FileKind(String noun, String path, String specField, String idField, String nameField) {
        this.noun = noun;
        this.path = path;
        this.specField = specField;
        this.idField = idField;
        this.nameField = nameField;
    }

    /** "secret" or "config", for messages. */
    String noun() {
        return noun;
    }

    /** The API's collection: {@code /secrets}, {@code /configs}. */
    String path() {
        return "/" + path;
    }

    /** The list of references in a service's ContainerSpec. */
    String specField() {
        return specField;
    }

    String idField() {
        return idField;
    }

    String nameField() {
        return nameField;
    }

    /** A service references an object of this kind that the swarm does not hold. */
    OperationFailed missing(String name) {
        return new OperationFailed(Kind.not_found, "no " + noun + " named " + name + " in the swarm");
    }
}
