package io.powernode.devops.e2e;

/**
 * One platform for all API tests that do not restart it: starting Spring, Axon and the stores once keeps
 * the suite fast. Tests isolate themselves by using accounts of their own.
 */
final class SharedPlatform {

    private static Platform instance;

    private SharedPlatform() {
    }

    static synchronized Platform get() {
        if (instance == null) {
            instance = Platform.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }
}
