package io.powernode.devops.api.stack;

import io.powernode.devops.api.GoDuration;
import io.powernode.devops.kernel.stack.Strategy;
import io.powernode.devops.kernel.stack.Strategy.Analysis;
import io.powernode.devops.kernel.stack.Strategy.BlueGreen;
import io.powernode.devops.kernel.stack.Strategy.Canary;
import io.powernode.devops.kernel.stack.Strategy.CanaryStep;
import io.powernode.devops.kernel.stack.Strategy.HttpProbe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strategy as a request would write it, defaults filled in: what the rollout actually did. */
final class StrategyJson {

    private StrategyJson() {
    }

    static Map<String, Object> of(Strategy strategy) {
        if (strategy == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(StrategyReader.TYPE, Strategy.typeOf(strategy));
        if (!strategy.services().isEmpty()) {
            json.put("services", strategy.services());
        }
        json.put("progress_deadline", GoDuration.format(strategy.progressDeadline()));
        if (strategy instanceof BlueGreen blueGreen) {
            json.put("monitor", GoDuration.format(blueGreen.monitor()));
            json.put("auto_promote", blueGreen.autoPromote());
            json.put("scale_down_delay", GoDuration.format(blueGreen.scaleDownDelay()));
            json.put("preview_ports", blueGreen.previewPorts().entrySet().stream()
                    .map(port -> Map.of("published", port.getKey(), "preview", port.getValue())).toList());
            json.put("analysis", analysis(blueGreen.analysis()));
        } else if (strategy instanceof Canary canary) {
            json.put("steps", steps(canary.steps()));
            json.put("analysis", analysis(canary.analysis()));
        }
        return json;
    }

    private static List<Map<String, Object>> steps(List<CanaryStep> steps) {
        return steps.stream().map(step -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("weight", step.weight());
            json.put("pause", step.untilPromoted() ? "until_promoted" : GoDuration.format(step.pause()));
            return json;
        }).toList();
    }

    private static Map<String, Object> analysis(Analysis analysis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("interval", GoDuration.format(analysis.interval()));
        json.put("max_task_failures", analysis.maxTaskFailures());
        json.put("max_restarts", analysis.maxRestarts());
        HttpProbe http = analysis.http();
        if (http != null) {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("path", http.path());
            probe.put("port", http.port());
            probe.put("requests", http.requests());
            probe.put("min_success_rate", http.minSuccessRate());
            probe.put("timeout", GoDuration.format(http.timeout()));
            json.put("http", probe);
        }
        return json;
    }
}
