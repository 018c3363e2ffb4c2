package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.SwarmLiveQueries.LogLine;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ServiceLogLinesTest {

    @Test
    void aLineWithTimestampAndDetailsNamesItsTaskAndNode() {
        LogLine line = ServiceLogLines.parse("2026-11-22T06:58:23.871374099Z com.docker.swarm.node.id=ssjg,"
                + "com.docker.swarm.service.id=wvdg,com.docker.swarm.task.id=wvhd out at 06:58", "stderr");

        assertThat(line).isEqualTo(new LogLine(Instant.parse("2026-11-22T06:58:23.871374099Z"), "stderr", "wvhd",
                "ssjg", "out at 06:58"));
    }

    @Test
    void anEmptyMessageIsKept() {
        LogLine line = ServiceLogLines.parse("2026-11-22T06:58:23Z com.docker.swarm.node.id=n,com.docker.swarm.task.id=t ",
                "stdout");

        assertThat(line.text()).isEmpty();
        assertThat(line.taskId()).isEqualTo("t");
    }

    @Test
    void framesOfBothStreamsAreReadInOrder() {
        byte[] stream = concat(frame(1, "2026-11-22T06:58:23Z com.docker.swarm.task.id=t out\n"),
                frame(2, "2026-11-22T06:58:24Z com.docker.swarm.task.id=t err\n"));

        assertThat(ServiceLogLines.read(stream)).extracting(LogLine::stream, LogLine::text)
                .containsExactly(tuple("stdout", "out"), tuple("stderr", "err"));
    }

    @Test
    void theOutputOfATtyIsOneStreamOfLines() {
        byte[] stream = "2026-11-22T06:58:23Z com.docker.swarm.task.id=t a\n2026-11-22T06:58:24Z com.docker.swarm.task.id=t b\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ServiceLogLines.read(stream)).extracting(LogLine::stream, LogLine::text)
                .containsExactly(tuple("stdout", "a"), tuple("stdout", "b"));
    }

    @Test
    void aLineWithoutTimestampOrDetailsIsKeptWhole() {
        assertThat(ServiceLogLines.parse("plain text here", "stdout"))
                .isEqualTo(new LogLine(null, "stdout", null, null, "plain text here"));
    }

    private static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + payload.length).put((byte) stream).put(new byte[3]).putInt(payload.length)
                .put(payload).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }
}
