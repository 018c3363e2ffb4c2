package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A network, volume, secret or config declared at the top level of the file, with whether it is external and
 * its Docker name settled as the CLI's loader settles them.
 *
 * @param key        its name in the file
 * @param name       its Docker name when the file gives one ({@code name:}, or an external object's own name);
 *                   empty when it takes the stack's scoped name
 * @param external   declared {@code external}: it exists already, the stack neither creates nor labels it
 * @param definition its mapping in the file (an empty one when written as null)
 * @param path       where it is declared, e.g. {@code networks.front}
 */
record Declared(String key, String name, boolean external, JsonNode definition, String path) {

    String dockerName(StackNamespace namespace) {
        return name.isEmpty() ? namespace.scope(key) : name;
    }
}
