package io.powernode.devops.compose.parity;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code docker} CLI pointed at one daemon, run with exactly the environment a test gives it, since
 * {@code docker stack deploy} interpolates the compose file with its own process environment.
 */
public final class DockerCli {

    private static final long TIMEOUT_SECONDS = 180;

    private final String endpoint;
    private final String executable;

    /** @param endpoint {@code tcp://<address>:<port>} */
    public DockerCli(String endpoint) {
        this.endpoint = endpoint;
        this.executable = onPath("docker");
    }

    /** What a command printed. */
    public record Output(String out, String err) {
    }

    /** The client's major version, e.g. 28, read without asking any daemon. */
    public int majorVersion() {
        String version = run(null, Map.of(), null, "--version").out();
        Matcher major = Pattern.compile("version (\\d+)\\.").matcher(version);
        if (!major.find()) {
            throw new IllegalStateException("unexpected docker --version output: " + version);
        }
        return Integer.parseInt(major.group(1));
    }

    public Output run(Path workDir, Map<String, String> environment, String input, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable, "-H", endpoint));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            Output output = new Output(out, err.join());
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (exit " + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " is not on the PATH");
    }
}
