package io.powernode.devops.command.stack;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.powernode.devops.kernel.stack.StackPlan;
import io.powernode.devops.kernel.stack.StackRevision;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The revisions a stack can still deploy again: the newest {@link #KEPT}, and those whose specs Docker holds however
 * old (the live one, and one left degraded after it: their plans are what a new revision is compared with, and
 * rolling back to the live one must stay possible). Older ones live on only in their events, so a stack deployed
 * for years keeps a bounded snapshot. Numbers go on from the newest ever, also after a removal.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class RevisionHistory {

    static final int KEPT = 25;

    /** Oldest first: revisions are added in the order of their numbers. */
    private final Map<Integer, StackRevision> byNumber = new LinkedHashMap<>();
    private int latest;

    int nextNumber() {
        return latest + 1;
    }

    /** @throws io.powernode.devops.kernel.common.DomainError when the revision is no longer kept */
    StackRevision kept(int number) {
        StackRevision revision = byNumber.get(number);
        if (revision == null) {
            throw StackErrors.revisionNotKept(number);
        }
        return revision;
    }

    /** The plan of a revision Docker holds, which is always kept; null for none. */
    StackPlan planInDocker(Integer number) {
        return number == null ? null : byNumber.get(number).plan();
    }

    /** @param inDocker the revisions whose specs Docker holds, kept however old */
    void add(StackRevision revision, Collection<Integer> inDocker) {
        byNumber.put(revision.number(), revision);
        latest = revision.number();
        forgetOldest(inDocker);
    }

    /** Called again whenever the revisions Docker holds change: one it held may be beyond the kept ones. */
    void forgetOldest(Collection<Integer> inDocker) {
        List<Integer> beyondKept = byNumber.keySet().stream().limit(Math.max(0, byNumber.size() - KEPT)).toList();
        beyondKept.stream().filter(number -> !inDocker.contains(number)).forEach(byNumber::remove);
    }
}
