package io.powernode.devops.swarm;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandMessage;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a secret's value could leak from an operation: the commands it sends (payload as JSON and as text, and
 * metadata) and every log line written while it ran. Listens to the logs from construction to {@link #close()}.
 */
final class SecretLeaks implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    SecretLeaks() {
        lines.start();
        rootLogger().addAppender(lines);
    }

    /** Neither the value nor its base64 (as Docker's API carries it) is in a command sent or a log line. */
    void assertNowhere(RecordingClusterBus bus, String value) {
        String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        assertThat(bus.sent()).isNotEmpty().allSatisfy(command -> assertThat(everythingIn(command))
                .doesNotContain(value).doesNotContain(encoded));
        assertThat(lines.list).isNotEmpty().allSatisfy(line -> assertThat(everythingIn(line))
                .doesNotContain(value).doesNotContain(encoded));
    }

    @Override
    public void close() {
        rootLogger().detachAppender(lines);
    }

    private static String everythingIn(CommandMessage<?> command) {
        try {
            return JSON.writeValueAsString(command.getPayload()) + command.getPayload() + command.getMetaData();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String everythingIn(ILoggingEvent line) {
        return line.getFormattedMessage() + (line.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(line.getThrowableProxy()));
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
