package io.powernode.devops.compose;

/**
 * One thing wrong with a compose file, named so a person can find it.
 *
 * @param path    where in the file: {@code services.web.deploy.replicas}, {@code services.web.ports[0]}; empty for
 *                the file as a whole
 * @param line    1-based line of that place, or null when it is not known (e.g. a key that is missing)
 * @param column  1-based column, or null
 * @param message what is wrong there
 */
public record ComposeProblem(String path, Integer line, Integer column, String message) {

    @Override
    public String toString() {
        String where = path.isEmpty() ? "" : path + ": ";
        String at = line == null ? "" : " (line " + line + ", column " + column + ")";
        return where + message + at;
    }
}
