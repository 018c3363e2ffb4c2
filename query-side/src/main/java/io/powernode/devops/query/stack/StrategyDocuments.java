package io.powernode.devops.query.stack;

import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;
import io.powernode.devops.kernel.stack.Strategy.Rolling;
import org.bson.Document;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment's strategy as stored: its fields under their snake_case names (durations as ISO-8601 text) and its
 * kind under {@code type}, as the API's JSON names them. Written generically by {@link RecordFields}; read back
 * here kind by kind, where the compiler holds every constructor to the kernel's records.
 */
final class StrategyDocuments {
    static final String TYPE = "type";

    private StrategyDocuments() {
    }

    static Document toDocument(Strategy strategy) {
        Document document = new Document(TYPE, Strategy.typeOf(strategy));
        document.putAll(RecordFields.of((Record) strategy));
        return document;
    }

    static Strategy fromDocument(Document strategy) {
        String type = strategy.getString(TYPE);
        return switch (type) {
            case "rolling" -> new Rolling(duration(strategy, "progress_deadline"));
            case "blue_green" -> new BlueGreen(services(strategy), duration(strategy, "progress_deadline"),
                    duration(strategy, "monitor"), analysis(strategy.get("analysis", Document.class)),
                    strategy.getBoolean("auto_promote"), duration(strategy, "scale_down_delay"),
                    previewPorts(strategy.get("preview_ports", Document.class)));
            case "canary" -> new Canary(services(strategy), duration(strategy, "progress_deadline"),
                    strategy.getList("steps", Document.class).stream().map(StrategyDocuments::step).toList(),
                    analysis(strategy.get("analysis", Document.class)));
            default -> throw new IllegalStateException("unknown strategy " + type);
        };
    }

    private static CanaryStep step(Document step) {
        return new CanaryStep(step.getInteger("weight"), duration(step, "pause"), step.getBoolean("until_promoted"));
    }

    private static Analysis analysis(Document analysis) {
        if (analysis == null) {
            return null;
        }
        Document http = analysis.get("http", Document.class);
        return new Analysis(duration(analysis, "interval"), analysis.getInteger("max_task_failures"),
                analysis.getInteger("max_restarts"), http == null ? null : new HttpProbe(http.getString("path"),
                http.getInteger("port"), http.getInteger("requests"), http.getDouble("min_success_rate"),
                duration(http, "timeout")));
    }

    private static List<String> services(Document strategy) {
        return strategy.getList("services", String.class);
    }

    private static Map<Integer, Integer> previewPorts(Document ports) {
        Map<Integer, Integer> previewPorts = new LinkedHashMap<>();
        ports.forEach((published, preview) -> previewPorts.put(Integer.valueOf(published), (Integer) preview));
        return previewPorts;
    }

    private static Duration duration(Document document, String field) {
        String text = document.getString(field);
        return text == null ? null : Duration.parse(text);
    }
}
