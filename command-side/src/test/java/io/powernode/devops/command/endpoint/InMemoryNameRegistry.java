package io.powernode.devops.command.endpoint;

import java.util.HashMap;
import java.util.Map;

/** The name registry for fixtures: claims live in a map keyed by kind, account and uniqueness key. */
public class InMemoryNameRegistry implements NameRegistry {

    private record Claim(Kind kind, String accountId, String key) {
    }

    private final Map<Claim, String> holders = new HashMap<>();

    @Override
    public void claim(Kind kind, String accountId, String name, String ownerId) {
        String holder = holders.putIfAbsent(claimOf(kind, accountId, name), ownerId);
        if (holder != null && !holder.equals(ownerId)) {
            throw NameRegistry.nameTaken(kind, name);
        }
    }

    @Override
    public void release(Kind kind, String accountId, String name, String ownerId) {
        holders.remove(claimOf(kind, accountId, name), ownerId);
    }

    public boolean isHeldBy(Kind kind, String accountId, String name, String ownerId) {
        return ownerId.equals(holders.get(claimOf(kind, accountId, name)));
    }

    private static Claim claimOf(Kind kind, String accountId, String name) {
        return new Claim(kind, accountId, NameRegistry.uniquenessKey(name));
    }
}
