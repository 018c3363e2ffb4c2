package io.powernode.devops.command.endpoint;

import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.SealedCredentials;

/**
 * What an update command asks for, whatever the kind of endpoint: a null field is left as it is; credentials are
 * replaced when {@code newCredentials} is set and dropped when {@code removeCredentials} is true.
 */
public record SettingsUpdate(String name, String endpoint, DeploymentEnvironment environment, Boolean tlsVerify,
                             SealedCredentials newCredentials, boolean removeCredentials,
                             Integer syncIntervalSeconds) {
}
