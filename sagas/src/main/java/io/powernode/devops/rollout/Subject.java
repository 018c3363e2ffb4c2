package io.powernode.devops.rollout;

/**
 * A service a rollout watches.
 *
 * @param service    the compose service, as measurements name it
 * @param dockerName the Docker service to read
 * @param httpPort   the published port the HTTP probe reaches its tasks' nodes on; null for no probe
 */
record Subject(String service, String dockerName, Integer httpPort) {
}
