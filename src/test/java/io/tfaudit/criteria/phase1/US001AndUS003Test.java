package io.tfaudit.criteria.phase1;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.audit.AuditConfig;
import io.tfaudit.criteria.CriterionTestKit;
import io.tfaudit.criteria.MiniProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult.Status;

/** US-001 (computed comparison with the baseline) and US-003 (rationale documented). */
class US001AndUS003Test {

    @TempDir
    Path dir;

    private int runs;

    private CriterionTestKit.Outcome run(Class<?> story, String method, MiniProvider provider, MiniProvider baseline) {
        Path p = provider.writeTo(dir.resolve("p" + ++runs));
        Map<String, String> params = baseline == null ? Map.of()
                : Map.of(AuditConfig.BASELINE_PATH, baseline.writeTo(dir.resolve("b" + runs)).toString());
        return CriterionTestKit.run(story, method, p, params);
    }

    @Test
    void theBaselinePatternIsMeasured() {
        var ok = run(US001CompareArchitecturePatterns.class, "documentTheBaselinePattern", MiniProvider.sound(), MiniProvider.v2(60));
        ok.assertAllSucceeded();
        var small = run(US001CompareArchitecturePatterns.class, "documentTheBaselinePattern", MiniProvider.sound(), MiniProvider.v2(2));
        assertThat(small.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(small.message(small.single())).contains("expected ~500 lines per connector, found");
        var layered = run(US001CompareArchitecturePatterns.class, "documentTheBaselinePattern", MiniProvider.sound(), MiniProvider.sound());
        assertThat(layered.message(layered.single())).contains("expected manual schemas", "expected inline CRUD");
    }

    @Test
    void withoutABaselineTheComparisonIsSkippedWithWhatWouldProvideIt() {
        var o = run(US001CompareArchitecturePatterns.class, "createTheComparisonMatrix", MiniProvider.sound(), null);
        assertThat(o.single().getStatus()).isEqualTo(Status.ABORTED);
        assertThat(o.message(o.single())).contains("no baseline", "-Dbaseline.ref=REF", "-Dbaseline.path=DIR");
        run(US001CompareArchitecturePatterns.class, "createTheComparisonMatrix", MiniProvider.sound(), MiniProvider.v2(60))
                .assertAllSucceeded();
    }

    @Test
    void theThreeLayerPatternHoldsForEveryConnector() {
        run(US001CompareArchitecturePatterns.class, "documentTheThreeLayerPattern", MiniProvider.sound(), MiniProvider.v2(60))
                .assertAllSucceeded();
        var o = run(US001CompareArchitecturePatterns.class, "documentTheThreeLayerPattern", MiniProvider.v2(60), MiniProvider.v2(60));
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("expected every connector's schema generated, found 0 of 3");
    }

    @Test
    void aLostCapabilityIsAFinding() {
        run(US001CompareArchitecturePatterns.class, "identifyImprovementsAndTradeOffs", MiniProvider.sound(), MiniProvider.v2(60))
                .assertAllSucceeded();
        var o = run(US001CompareArchitecturePatterns.class, "identifyImprovementsAndTradeOffs", MiniProvider.sound()
                .edit("internal/resource/connector/base.go", s -> s.replace("func (r *BaseResource) ImportState(", "func (r *BaseResource) importState(")),
                MiniProvider.v2(60));
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("import support regressed: 3/3 → 0/3");
    }

    @Test
    void eachRationaleMustBeWritten() {
        for (String m : new String[] {"codeGeneration", "reflectionMarshaling", "thinWrappers", "jsonDeprecationsAndOverrides",
                "savedToTheReport"}) {
            run(US003DocumentArchitecturalDecisions.class, m, MiniProvider.sound(), null).assertAllSucceeded();
        }
        var o = run(US003DocumentArchitecturalDecisions.class, "reflectionMarshaling", MiniProvider.sound().edit(
                "docs/audits/architecture-comparison-report.md", s -> s.replace(
                        "Reflection-based marshaling: one conversion for every connector, because per-connector code repeated itself.",
                        "Reflection-based marshaling: one conversion for every connector.")), null);
        assertThat(o.single().getStatus()).isEqualTo(Status.FAILED);
        assertThat(o.message(o.single())).contains("expected a paragraph naming the reflection-based marshaling and giving its rationale");
        var missing = run(US003DocumentArchitecturalDecisions.class, "savedToTheReport",
                MiniProvider.sound().without("docs/audits/architecture-comparison-report.md"), null);
        assertThat(missing.message(missing.single())).contains("expected the architecture comparison report here, found no such file");
    }
}
