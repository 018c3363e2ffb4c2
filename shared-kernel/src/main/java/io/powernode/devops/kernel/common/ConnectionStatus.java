package io.powernode.devops.kernel.common;

/**
 * The runbook's connection statuses of anything the platform reaches over the Docker API (a host, a
 * cluster's manager): pending until the first successful sync, connected while syncing, disconnected when a
 * connected endpoint stops answering, error after 5 consecutive failures, maintenance while a user has taken
 * it offline (no sync meanwhile).
 */
public enum ConnectionStatus { pending, connected, disconnected, error, maintenance }
