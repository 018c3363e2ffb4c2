package io.powernode.devops.docker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;

/** Closing what is being let go of: a failure to close is no reason to fail the caller, only worth a debug line. */
final class Closeables {

    private static final Logger log = LoggerFactory.getLogger(Closeables.class);

    private Closeables() {
    }

    /** @param what names the resource in the log line, e.g. "the Docker client of host h1" */
    static void closeQuietly(Closeable closeable, String what) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            log.debug("closing {} failed: {}", what, e.toString());
        }
    }
}
