package io.tfaudit.audit;

import io.tfaudit.api.Severity;
import java.util.List;

/**
 * One failing result of a user-story criterion in this run, for criteria about the audit's
 * own findings (Phase 11: are they tracked, are they fixed).
 *
 * @param resource the resource of a per-resource result, else null
 * @param findings what failed, each with its place; one entry with the message when the
 *                 failure was not built from findings
 */
public record AuditFailure(String criterionId, String storyId, String text, Severity severity, String resource,
                           List<Findings.Finding> findings) {

    /** Where the first finding is: the place a finding about this failure points to. */
    public String where() {
        return findings.isEmpty() ? criterionId : findings.get(0).where();
    }
}
