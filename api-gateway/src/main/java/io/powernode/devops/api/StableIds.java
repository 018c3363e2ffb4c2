package io.powernode.devops.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of what a request creates. With an Idempotency-Key the id is derived from it (per account and kind), so a
 * retried request targets what the first attempt created instead of creating it twice.
 */
public final class StableIds {

    private StableIds() {
    }

    /** @param kind what is created, e.g. {@code docker_host}; part of the derivation so kinds never share an id */
    public static String forRequest(RequestContext context, String kind) {
        if (context.idempotencyKey() == null) {
            return UUID.randomUUID().toString();
        }
        String seed = kind + ":" + context.accountId() + ":" + context.idempotencyKey();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
