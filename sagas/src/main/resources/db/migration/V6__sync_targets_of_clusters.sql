-- The sync also follows swarm clusters (through their manager endpoint): a row is a host or a cluster.
ALTER TABLE sync_targets RENAME COLUMN host_id TO endpoint_id;
ALTER TABLE sync_targets ADD COLUMN kind VARCHAR(32) DEFAULT 'docker_host' NOT NULL;
