package io.powernode.devops.swarm;

import io.powernode.devops.kernel.swarm.SwarmLiveQueries.LogLine;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's log line as Docker sends it with timestamps and details:
 * {@code <RFC 3339 time> com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=… <text>},
 * the detail values query-escaped.
 */
final class ServiceLogLines {

    private static final String NODE_ID = "com.docker.swarm.node.id";
    private static final String TASK_ID = "com.docker.swarm.task.id";
    private static final int FRAME_HEADER = 8;
    private static final byte STDERR = 2;

    private ServiceLogLines() {
    }

    /**
     * The lines of a service's log stream. Without a TTY Docker multiplexes the two streams in frames, each with an
     * 8-byte header (stream 1 or 2, three zero bytes, the payload's length); a service with a TTY sends its output
     * as it is, all of it stdout.
     */
    static List<LogLine> read(byte[] stream) {
        List<LogLine> lines = new ArrayList<>();
        if (!multiplexed(stream)) {
            addLines(lines, new String(stream, StandardCharsets.UTF_8), "stdout");
            return lines;
        }
        ByteBuffer frames = ByteBuffer.wrap(stream);
        while (frames.remaining() >= FRAME_HEADER) {
            byte type = frames.get();
            frames.position(frames.position() + 3);
            int length = Math.min(frames.getInt(), frames.remaining());
            String payload = new String(stream, frames.position(), length, StandardCharsets.UTF_8);
            frames.position(frames.position() + length);
            addLines(lines, payload, type == STDERR ? "stderr" : "stdout");
        }
        return lines;
    }

    private static boolean multiplexed(byte[] stream) {
        return stream.length >= FRAME_HEADER && stream[0] >= 0 && stream[0] <= STDERR
                && stream[1] == 0 && stream[2] == 0 && stream[3] == 0;
    }

    private static void addLines(List<LogLine> lines, String text, String stream) {
        text.lines().forEach(line -> lines.add(parse(line, stream)));
    }

    /** @param stream stdout or stderr */
    static LogLine parse(String line, String stream) {
        String rest = line;
        Instant time = null;
        int space = rest.indexOf(' ');
        if (space > 0) {
            try {
                time = Instant.parse(rest.substring(0, space));
                rest = rest.substring(space + 1);
            } catch (DateTimeParseException e) {
                // no timestamp: the line is kept whole
            }
        }
        Map<String, String> details = new HashMap<>();
        space = rest.indexOf(' ');
        String first = space < 0 ? rest : rest.substring(0, space);
        if (first.startsWith("com.docker.swarm.")) {
            for (String pair : first.split(",")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    details.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        return new LogLine(time, stream, details.get(TASK_ID), details.get(NODE_ID), rest);
    }
}
