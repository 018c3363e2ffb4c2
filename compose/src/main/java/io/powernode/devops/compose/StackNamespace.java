package io.powernode.devops.compose;

import io.powernode.devops.kernel.stack.StackPlan;

import java.util.Map;
import java.util.TreeMap;

/** A stack's name as the prefix of what it creates and as the label that marks everything it holds. */
record StackNamespace(String name) {

    /** {@code web} of stack {@code shop} is {@code shop_web}. */
    String scope(String key) {
        return name + "_" + key;
    }

    /** The labels with the stack's namespace label added (a label of that name given in the file is replaced). */
    Map<String, String> labelled(Map<String, String> labels) {
        Map<String, String> labelled = new TreeMap<>(labels);
        labelled.put(StackPlan.NAMESPACE_LABEL, name);
        return labelled;
    }
}
