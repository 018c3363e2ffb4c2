package io.powernode.devops.command.host;

import java.util.HashMap;
import java.util.Map;

/** The name registry for fixtures: claims live in a map keyed by account and uniqueness key. */
final class InMemoryHostNameRegistry implements HostNameRegistry {

    private record Claim(String accountId, String key) {
    }

    private final Map<Claim, String> holders = new HashMap<>();

    @Override
    public void claim(String accountId, String name, String hostId) {
        String holder = holders.putIfAbsent(claimOf(accountId, name), hostId);
        if (holder != null && !holder.equals(hostId)) {
            throw HostNameRegistry.nameTaken(name);
        }
    }

    @Override
    public void release(String accountId, String name, String hostId) {
        holders.remove(claimOf(accountId, name), hostId);
    }

    boolean isHeldBy(String accountId, String name, String hostId) {
        return hostId.equals(holders.get(claimOf(accountId, name)));
    }

    private static Claim claimOf(String accountId, String name) {
        return new Claim(accountId, HostNameRegistry.uniquenessKey(name));
    }
}
