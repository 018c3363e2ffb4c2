package io.powernode.devops.compose;

/**
 * What the parser accepts at most, so that a compose file sent to the API cannot exhaust the server: its size, how
 * deep its mappings and lists nest, how many times anchors are expanded (a "billion laughs" file is a few lines
 * that expand exponentially) and how many services it declares.
 *
 * @param maxBytes    the file's size in UTF-8 bytes
 * @param maxDepth    nesting of mappings and sequences, aliases expanded
 * @param maxAliases  alias expansions in the whole document
 * @param maxServices services in the file
 */
public record ComposeLimits(int maxBytes, int maxDepth, int maxAliases, int maxServices) {

    public ComposeLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxAliases < 0 || maxServices < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, depth " + maxDepth
                    + ", " + maxAliases + " aliases, " + maxServices + " services");
        }
    }

    /** Far above any real stack (a compose file is kilobytes, nests about ten levels), far below harm. */
    public static ComposeLimits defaults() {
        return new ComposeLimits(1024 * 1024, 32, 1000, 500);
    }
}
