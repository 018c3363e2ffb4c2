package io.powernode.devops.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A compose file as read from its YAML: the tree of its values, where each was written, and what reading it
 * warned about.
 */
record ComposeDocument(ObjectNode root, Locations locations, List<String> warnings) {
}
