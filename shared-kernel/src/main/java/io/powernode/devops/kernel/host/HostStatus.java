package io.powernode.devops.kernel.host;

/**
 * The runbook's host statuses: pending until the first successful sync, connected while syncing,
 * disconnected when a connected host stops answering, error after 5 consecutive failures,
 * maintenance while a user has taken the host offline (no sync meanwhile).
 */
public enum HostStatus { pending, connected, disconnected, error, maintenance }
