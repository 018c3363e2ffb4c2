package io.powernode.devops.swarm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a secret's or config's next version, when the user names none: {@code db_password} becomes
 * {@code db_password.v2}, {@code db_password.v2} becomes {@code db_password.v3}. Swarm objects cannot be
 * renamed, and two may not share a name, so each version carries its number.
 */
final class RotationNames {

    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v(\\d+)");

    private RotationNames() {
    }

    static String next(String name) {
        Matcher versioned = VERSIONED.matcher(name);
        if (versioned.matches()) {
            return versioned.group(1) + ".v" + (Long.parseLong(versioned.group(2)) + 1);
        }
        return name + ".v2";
    }
}
