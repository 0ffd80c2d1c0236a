package io.tfaudit.criteria.phase12;

import io.tfaudit.api.Criterion;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.api.Phase;
import io.tfaudit.api.Severity;
import io.tfaudit.audit.Typecheck;
import io.tfaudit.api.UserStory;
import io.tfaudit.provider.Category;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Cassettes for transforms (testdata/cassettes/transforms/) and for pipeline, topic and tag
 * (testdata/cassettes/other/), without credentials. This story also scans, and places, every
 * cassette outside the four category folders.
 */
@UserStory(id = "US-036", title = "Record VCR Cassettes for Transform and Other Resource Tests", phase = Phase.PHASE_12)
public class US036RecordVcrCassettesForTransformAndOtherResourceTests {

    @TestFactory
    @DisplayName("Record cassettes for all 6 transform tests")
    @Criterion(value = 1, severity = Severity.NORMAL)
    Stream<DynamicTest> recordCassettesForAllTransformTests(CriterionRun run) {
        return Cassettes.recordedPerResource(run, Cassettes.resourcesIn(Category.TRANSFORM));
    }

    @TestFactory
    @DisplayName("Record cassettes for Pipeline and Topic tests")
    @Criterion(value = 2, severity = Severity.NORMAL)
    Stream<DynamicTest> recordCassettesForPipelineAndTopic(CriterionRun run) {
        return Cassettes.recordedNamed(run, List.of("pipeline", "topic"));
    }

    @TestFactory
    @DisplayName("Record cassettes for Tag tests")
    @Criterion(value = 3, severity = Severity.NORMAL)
    Stream<DynamicTest> recordCassettesForTag(CriterionRun run) {
        return Cassettes.recordedNamed(run, List.of("tag"));
    }

    @Test
    @DisplayName("Cassettes stored in `testdata/cassettes/transforms/` and `testdata/cassettes/other/`")
    @Criterion(value = 4, severity = Severity.NORMAL)
    void cassettesStoredInTransformsAndOther(CriterionRun run) {
        Map<String, java.util.function.Predicate<io.tfaudit.audit.AuditedResource>> folders = new LinkedHashMap<>();
        folders.put("transforms", Cassettes.resourcesIn(Category.TRANSFORM));
        folders.put("other", Cassettes.resourcesIn(Category.OTHER));
        Cassettes.storedIn(run, folders, true);
    }

    @Test
    @DisplayName("Sensitive data redacted from cassettes")
    @Criterion(value = 5, severity = Severity.BLOCKER)
    void sensitiveDataRedacted(CriterionRun run) {
        Cassettes.redacted(run, c -> !Cassettes.inFolder(c, "sources") && !Cassettes.inFolder(c, "destinations"),
                "testdata/cassettes/transforms/, testdata/cassettes/other/ and outside the category folders");
    }

    @Test
    @DisplayName("Typecheck passes")
    @Criterion(value = 6, severity = Severity.BLOCKER)
    void typecheckPasses(CriterionRun run) {
        Typecheck.verify(run);
    }
}
