-- Names are unique per account and per kind of resource (a host and a swarm cluster may share one).
-- A new table rather than a changed key: H2 and PostgreSQL drop primary keys with different syntax.
CREATE TABLE name_claims (
    kind       VARCHAR(32)  NOT NULL,
    account_id VARCHAR(255) NOT NULL,
    name_key   VARCHAR(255) NOT NULL,
    owner_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (kind, account_id, name_key)
);
INSERT INTO name_claims (kind, account_id, name_key, owner_id)
SELECT 'docker_host', account_id, name_key, host_id FROM host_name_claims;
DROP TABLE host_name_claims;
