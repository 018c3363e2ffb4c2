package io.powernode.devops.compose;

/** A place in the compose text, 1-based as editors count. */
record SourcePosition(int line, int column) {
}
