package io.powernode.devops.command.endpoint;

import io.powernode.devops.command.endpoint.NameRegistry.Kind;
import io.powernode.devops.kernel.common.DomainError;

/** The refusals every kind of endpoint shares; their codes name the kind ({@code host_…}, {@code cluster_…}). */
public final class EndpointErrors {

    private EndpointErrors() {
    }

    /** Another account must not learn that the endpoint exists, so a foreign command finds nothing. */
    public static void requireAccount(Kind kind, String endpointId, String ownerAccountId, String commandAccountId) {
        if (!ownerAccountId.equals(commandAccountId)) {
            throw DomainError.notFound(kind.noun() + "_not_found",
                    "No " + kind.noun() + " " + endpointId + " in this account");
        }
    }

    static DomainError nameBlank(Kind kind) {
        return new DomainError(DomainError.Kind.RULE_VIOLATION, kind.noun() + "_name_blank", "name",
                "A " + kind.noun() + " needs a name");
    }

    static DomainError syncIntervalOutOfRange(int seconds) {
        return new DomainError(DomainError.Kind.RULE_VIOLATION, "sync_interval_out_of_range",
                "sync_interval_seconds", "The sync interval must be between "
                + EndpointSettings.MIN_SYNC_INTERVAL_SECONDS + " and " + EndpointSettings.MAX_SYNC_INTERVAL_SECONDS
                + " seconds, not " + seconds);
    }

    static DomainError notInMaintenance(Kind kind) {
        return DomainError.ruleViolation(kind.noun() + "_not_in_maintenance",
                "The " + kind.noun() + " is not in maintenance");
    }

    static DomainError inMaintenance(Kind kind) {
        return DomainError.ruleViolation(kind.noun() + "_in_maintenance", "The " + kind.noun()
                + " is in maintenance; end the maintenance instead of recording a recovery");
    }
}
