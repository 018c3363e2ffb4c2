package io.powernode.devops.api;

/**
 * A resource's aggregate version as HTTP carries it: the ETag of a read, the If-Match of an update, so an update
 * based on a stale read is refused instead of silently overwriting someone else's change.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names, or null when there is none; {@code resource} words the error, e.g. "host". */
    public static Long expected(String ifMatch, String resource) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the " + resource + "'s version as its ETag gives it, e.g. \"7\"");
        }
    }
}
