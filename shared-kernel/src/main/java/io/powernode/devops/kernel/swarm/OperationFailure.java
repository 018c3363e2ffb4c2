package io.powernode.devops.kernel.swarm;

/**
 * Why Docker did not do what a {@link SwarmOperation} asked, classified for the API.
 *
 * @param kind    what the API answers with
 * @param message in an operator's words; never a secret value
 */
public record OperationFailure(Kind kind, String message) {

    public enum Kind {
        /** Docker refused the request as malformed: 400 from Docker, 422 from the API. */
        invalid,
        /** An object the operation names does not exist: 404. */
        not_found,
        /** A name in use, an object still in use, a stale version: 409. */
        conflict,
        /** A rule Docker enforces, e.g. leaving would lose quorum: 422. */
        refused,
        /** The daemon did not answer, or the swarm has no leader: 503. */
        unavailable,
        /** Anything else: 502. */
        failed
    }
}
