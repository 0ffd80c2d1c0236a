package io.tfaudit.criteria.coverage;

import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.go.ast.Pos;
import java.util.List;

/**
 * "Run: UPDATE_SNAPSHOTS=1 go test ... TestSchemaBackwardsCompatibility": statically, a
 * test rewrites the snapshots when UPDATE_SNAPSHOTS is set. Running it would rewrite files of
 * the audited repository, which tfaudit never does, so the run is always left to the user.
 */
public final class SnapshotUpdate {

    static final String COMMAND = "UPDATE_SNAPSHOTS=1 go test -v -run 'TestSchemaBackwardsCompatibility' ./internal/provider/...";

    private SnapshotUpdate() {}

    public static void verify(CriterionRun run) {
        Findings f = run.findings();
        List<Pos> reads = run.provider().envVarsReadByCode().getOrDefault("UPDATE_SNAPSHOTS", List.of());
        boolean inTests = reads.stream().anyMatch(p -> p.file().endsWith("_test.go"));
        boolean compatTests = run.provider().tests().stream().anyMatch(t -> t.name().startsWith("TestSchemaBackwardsCompatibility"));
        if (!compatTests) {
            f.add("internal/provider/", "expected TestSchemaBackwardsCompatibility tests, found none");
        }
        if (!inTests) {
            f.add("internal/provider/", "expected a test to rewrite the snapshots when UPDATE_SNAPSHOTS is set "
                    + "(os.Getenv(\"UPDATE_SNAPSHOTS\") in a _test.go file), found none");
        }
        f.verify();
        run.skip("the snapshot update rewrites files of the audited repository, which tfaudit never does "
                + "(a test reads UPDATE_SNAPSHOTS at " + reads.get(0).fileAndLine() + ")", COMMAND);
    }
}
