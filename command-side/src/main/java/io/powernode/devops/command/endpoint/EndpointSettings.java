package io.powernode.devops.command.endpoint;

import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.DeploymentEnvironment;
import io.powernode.devops.kernel.host.SealedCredentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a user decides about an endpoint: its name, where and how to reach it, how often to sync it.
 *
 * @param endpoint       the Docker API address: a host's daemon, a cluster's manager
 * @param hasCredentials only whether credentials exist: the sealed material itself is never needed for a decision
 */
public record EndpointSettings(String name, String endpoint, DeploymentEnvironment environment, boolean tlsVerify,
                               boolean hasCredentials, int syncIntervalSeconds) {

    public static final int MIN_SYNC_INTERVAL_SECONDS = 30;
    public static final int MAX_SYNC_INTERVAL_SECONDS = 3600;

    /** The settings of a registration, checked: a name (recorded without surrounding blanks), an interval in bounds. */
    public static EndpointSettings register(Kind kind, String name, String endpoint,
                                            DeploymentEnvironment environment, boolean tlsVerify,
                                            SealedCredentials credentials, int syncIntervalSeconds) {
        return new EndpointSettings(requireName(kind, name), endpoint, environment, tlsVerify, credentials != null,
                requireSyncInterval(syncIntervalSeconds));
    }

    /** Decides what an update changes; refuses a blank name or an interval out of bounds. */
    public SettingsChange change(Kind kind, SettingsUpdate update) {
        EndpointSettings after = new EndpointSettings(
                update.name() == null ? name : requireName(kind, update.name()),
                Objects.requireNonNullElse(update.endpoint(), endpoint),
                Objects.requireNonNullElse(update.environment(), environment),
                Objects.requireNonNullElse(update.tlsVerify(), tlsVerify),
                hasCredentials,
                requireSyncInterval(Objects.requireNonNullElse(update.syncIntervalSeconds(), syncIntervalSeconds)));
        boolean replacesCredentials = update.newCredentials() != null || update.removeCredentials() && hasCredentials;
        return new SettingsChange(kind, this, after, changedFields(kind, after), replacesCredentials,
                update.newCredentials());
    }

    /** The settings after a recorded change of details; credentials are replaced on their own. */
    public EndpointSettings withDetails(String name, String endpoint, DeploymentEnvironment environment,
                                       boolean tlsVerify, int syncIntervalSeconds) {
        return new EndpointSettings(name, endpoint, environment, tlsVerify, hasCredentials, syncIntervalSeconds);
    }

    public EndpointSettings withCredentials(SealedCredentials credentials) {
        return new EndpointSettings(name, endpoint, environment, tlsVerify, credentials != null, syncIntervalSeconds);
    }

    /** In the order of the API's fields, under its names. */
    private List<String> changedFields(Kind kind, EndpointSettings after) {
        List<String> changed = new ArrayList<>();
        addIfChanged(changed, "name", name, after.name);
        addIfChanged(changed, kind.endpointField(), endpoint, after.endpoint);
        addIfChanged(changed, "environment", environment, after.environment);
        addIfChanged(changed, "tls_verify", tlsVerify, after.tlsVerify);
        addIfChanged(changed, "sync_interval_seconds", syncIntervalSeconds, after.syncIntervalSeconds);
        return List.copyOf(changed);
    }

    private static void addIfChanged(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static String requireName(Kind kind, String candidate) {
        if (candidate == null || candidate.isBlank()) {
            throw EndpointErrors.nameBlank(kind);
        }
        return candidate.strip();
    }

    private static int requireSyncInterval(int seconds) {
        if (seconds < MIN_SYNC_INTERVAL_SECONDS || seconds > MAX_SYNC_INTERVAL_SECONDS) {
            throw EndpointErrors.syncIntervalOutOfRange(seconds);
        }
        return seconds;
    }
}
