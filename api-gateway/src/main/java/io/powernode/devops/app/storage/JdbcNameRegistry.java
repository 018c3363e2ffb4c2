package io.powernode.devops.app.storage;

import io.powernode.devops.command.endpoint.NameRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Name claims in the SQL store. On the embedded and PostgreSQL stores the command bus runs each command in
 * a transaction on the same DataSource as the event store, so a claim and the event that needs it commit or
 * roll back together. (With Axon Server holding the events they are separate; see the README.)
 */
@Component
public class JdbcNameRegistry implements NameRegistry {

    private final JdbcTemplate jdbc;

    public JdbcNameRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(Kind kind, String accountId, String name, String ownerId) {
        String key = NameRegistry.uniquenessKey(name);
        List<String> holders = jdbc.queryForList(
                "SELECT owner_id FROM name_claims WHERE kind = ? AND account_id = ? AND name_key = ?",
                String.class, kind.name(), accountId, key);
        if (holders.contains(ownerId)) {
            return;
        }
        if (!holders.isEmpty()) {
            throw NameRegistry.nameTaken(kind, name);
        }
        try {
            jdbc.update("INSERT INTO name_claims (kind, account_id, name_key, owner_id) VALUES (?, ?, ?, ?)",
                    kind.name(), accountId, key, ownerId);
        } catch (DuplicateKeyException raced) {
            throw NameRegistry.nameTaken(kind, name);
        }
    }

    @Override
    public void release(Kind kind, String accountId, String name, String ownerId) {
        jdbc.update("DELETE FROM name_claims WHERE kind = ? AND account_id = ? AND name_key = ? AND owner_id = ?",
                kind.name(), accountId, NameRegistry.uniquenessKey(name), ownerId);
    }
}
