package io.powernode.devops.command.endpoint;

import io.powernode.devops.kernel.common.DomainError;

import java.util.Locale;

/**
 * Keeps endpoint names unique within an account and a kind: two hosts of an account cannot share a name, but a
 * host and a cluster can. An aggregate only sees its own events, so uniqueness across aggregates needs this port;
 * the application implements it in the same transaction as the event store, so a refused command leaves no claim
 * behind.
 */
public interface NameRegistry {

    /**
     * The kinds of endpoint the platform registers, with the words the API uses for them: the noun in error codes
     * and messages, and the request field of the endpoint's address in update reports.
     */
    enum Kind {
        docker_host("host", "api_endpoint"),
        swarm_cluster("cluster", "manager_endpoint");

        private final String noun;
        private final String endpointField;

        Kind(String noun, String endpointField) {
            this.noun = noun;
            this.endpointField = endpointField;
        }

        public String noun() {
            return noun;
        }

        public String endpointField() {
            return endpointField;
        }
    }

    /**
     * Reserves {@code name} for {@code ownerId} among the account's endpoints of this kind. Claiming a name the
     * owner already holds is allowed.
     *
     * @throws DomainError conflict {@code host_name_taken} / {@code cluster_name_taken} on field {@code name} when
     *                     another endpoint of the account and kind holds the name
     */
    void claim(Kind kind, String accountId, String name, String ownerId);

    /** Gives the name up, if {@code ownerId} holds it; another endpoint's claim is left alone. */
    void release(Kind kind, String accountId, String name, String ownerId);

    /**
     * The form under which names are compared: "Web-1 " and "web-1" are the same name. Implementations key
     * their claims by it, and an endpoint renamed to a name with the same key keeps its claim.
     */
    static String uniquenessKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static DomainError nameTaken(Kind kind, String name) {
        return DomainError.conflict(kind.noun() + "_name_taken", "name",
                "Another " + kind.noun() + " of this account is already named '" + name.strip() + "'");
    }
}
