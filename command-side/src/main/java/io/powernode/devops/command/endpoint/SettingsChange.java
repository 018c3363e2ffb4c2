package io.powernode.devops.command.endpoint;

import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.host.SealedCredentials;

import java.util.List;

/**
 * An update, decided: the settings before and after, the API fields that changed, and whether the credentials
 * are replaced ({@code newCredentials} null meaning removed).
 */
public record SettingsChange(Kind kind, EndpointSettings before, EndpointSettings after, List<String> changedFields,
                             boolean replacesCredentials, SealedCredentials newCredentials) {

    public boolean changesDetails() {
        return !changedFields.isEmpty();
    }

    /**
     * Moves the name claim when the name changes under the registry's comparison. The new name is claimed
     * before the old one is released, so a refused rename keeps the old claim.
     */
    public void moveNameClaim(NameRegistry names, String accountId, String ownerId) {
        if (!NameRegistry.uniquenessKey(after.name()).equals(NameRegistry.uniquenessKey(before.name()))) {
            names.claim(kind, accountId, after.name(), ownerId);
            names.release(kind, accountId, before.name(), ownerId);
        }
    }
}
