package io.powernode.devops.compose;

/**
 * How problems name a place in a compose file: keys joined with dots, list items by index, as in
 * {@code services.web.ports[0]}; the empty path is the file itself.
 */
final class ComposePath {

    static final String ROOT = "";

    private ComposePath() {
    }

    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
