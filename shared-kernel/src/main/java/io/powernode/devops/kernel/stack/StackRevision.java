package io.powernode.devops.kernel.stack;

import io.powernode.devops.kernel.common.SealedValue;

import java.util.Map;

/**
 * One revision of a stack: the compose file as the user sent it, what it was converted to, and how to apply it.
 * A stack numbers its revisions from 1; a redeploy or a rollback applies an earlier one again.
 *
 * @param number  the revision's number in its stack
 * @param source  what the user sent
 * @param plan    what it converts to
 * @param options how {@code docker stack deploy} would have been asked to apply it
 */
public record StackRevision(int number, ComposeSource source, StackPlan plan, DeployOptions options) {

    /**
     * The compose file and what it reads besides: {@code docker stack deploy} reads the environment and files next
     * to the compose file, which an API call has neither of, so they come with the request.
     *
     * @param compose     the compose file's text
     * @param environment the variables {@code ${VAR}} interpolates (the {@code .env} the CLI lacks)
     * @param files       contents of the files the compose file names ({@code file:} of a config, {@code env_file}),
     *                    by the path it names them with
     * @param sealedFiles contents of the files secrets are read from, sealed: only the Docker gateway opens them
     */
    public record ComposeSource(String compose, Map<String, String> environment, Map<String, String> files,
                                Map<String, SealedValue> sealedFiles) {

        public ComposeSource {
            environment = Map.copyOf(environment);
            files = Map.copyOf(files);
            sealedFiles = Map.copyOf(sealedFiles);
        }
    }

    /** {@code --resolve-image}: whether to pin images to the digest the registry reports. */
    public enum ResolveImage { always, changed, never }

    /**
     * The options of {@code docker stack deploy}.
     *
     * @param prune        remove the stack's services the file no longer names
     * @param resolveImage when to ask the registry for an image's digest
     * @param registryAuth {@code --with-registry-auth}: sealed JSON {@code {"username","password","serveraddress"}}
     *                     the swarm's nodes pull with; null to send none
     */
    public record DeployOptions(boolean prune, ResolveImage resolveImage, SealedValue registryAuth) {

        public static DeployOptions defaults() {
            return new DeployOptions(false, ResolveImage.always, null);
        }
    }
}
