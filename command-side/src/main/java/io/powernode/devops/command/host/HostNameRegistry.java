package io.powernode.devops.command.host;

import io.powernode.devops.kernel.common.DomainError;

import java.util.Locale;

/**
 * Keeps host names unique within an account. An aggregate only sees its own events, so uniqueness across
 * hosts needs this port; the application implements it in the same transaction as the event store, so a
 * refused command leaves no claim behind.
 */
public interface HostNameRegistry {

    /**
     * Reserves {@code name} for {@code hostId} in the account. Claiming a name the host already holds is
     * allowed.
     *
     * @throws DomainError conflict {@code host_name_taken} on field {@code name} when another host of the
     *                     account holds the name
     */
    void claim(String accountId, String name, String hostId);

    /** Gives the name up, if {@code hostId} holds it; another host's claim is left alone. */
    void release(String accountId, String name, String hostId);

    /**
     * The form under which names are compared: "Web-1 " and "web-1" are the same name. Implementations key
     * their claims by it, and a host renamed to a name with the same key keeps its claim.
     */
    static String uniquenessKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static DomainError nameTaken(String name) {
        return DomainError.conflict("host_name_taken", "name",
                "Another host of this account is already named '" + name.strip() + "'");
    }
}
