package io.tfaudit.criteria.phase5;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditedResource;
import io.tfaudit.audit.CriterionRun;
import io.tfaudit.audit.Findings;
import io.tfaudit.api.Severity;
import io.tfaudit.backend.Alignment;
import io.tfaudit.backend.Alignment.ConnectorAlignment;
import io.tfaudit.backend.Alignment.Difference;
import io.tfaudit.backend.Alignment.Kind;
import io.tfaudit.backend.AlignmentReport;
import io.tfaudit.backend.BackendConfigs;
import io.tfaudit.backend.BackendConnector;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.Resource;
import io.tfaudit.provider.files.DocPage;
import io.tfaudit.provider.files.FileProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * What Phase 5's criteria ask of the backend checkout: its configurations, read once per
 * audit run, and the alignment of each connector resource with them. Without a backend
 * every question skips the criterion with the reason and the command that would answer it.
 */
public final class BackendAlignment {

    static final String NO_BACKEND = "no backend checkout (give -Dbackend.path=DIR or STREAMKAP_BACKEND_PATH)";

    private static final Map<Audit, BackendConfigs> BACKENDS = new ConcurrentHashMap<>();
    private static final Map<Audit, AlignmentReport> REPORTS = new ConcurrentHashMap<>();

    private BackendAlignment() {}

    /** The command that runs a criterion with a backend. */
    static String command(CriterionRun run) {
        return "java -jar target/tfaudit.jar audit --provider " + run.audit().providerDir() + " --backend BACKEND_DIR"
                + "  (or -Dbackend.path=BACKEND_DIR)";
    }

    static boolean hasBackend(CriterionRun run) {
        Path p = run.audit().config().backendPath();
        return p != null && Files.isDirectory(p);
    }

    /** The backend's configurations, or the criterion is skipped. */
    static BackendConfigs backendOrSkip(CriterionRun run) {
        Path p = run.audit().config().backendPath();
        if (p == null) {
            run.skip(NO_BACKEND, command(run));
        } else if (!Files.isDirectory(p)) {
            run.skip("backend.path " + p + " is not a directory: " + NO_BACKEND, command(run));
        }
        return BACKENDS.computeIfAbsent(run.audit(), a -> BackendConfigs.read(p));
    }

    /** Every connector resource against the backend, or the criterion is skipped. */
    static AlignmentReport reportOrSkip(CriterionRun run) {
        BackendConfigs backend = backendOrSkip(run);
        return REPORTS.computeIfAbsent(run.audit(), a -> Alignment.report(a.provider(), backend));
    }

    /** The resource's alignment, or the criterion is skipped. */
    static ConnectorAlignment alignmentOrSkip(CriterionRun run, Resource r) {
        return reportOrSkip(run).connectors().stream().filter(c -> c.typeName().equals(r.typeName())).findFirst()
                .orElseThrow(() -> new IllegalStateException(r.typeName() + " is not a connector resource"));
    }

    /** The resource's backend configuration; empty without a backend or when it has none. */
    static Optional<BackendConnector> backendConnector(CriterionRun run, Resource r) {
        if (!hasBackend(run)) {
            return Optional.empty();
        }
        return backendOrSkip(run).connector(r.category(), alignmentOrSkip(run, r).code());
    }

    /** The connector resources the provider registers (sources, destinations, transforms). */
    static List<Resource> connectorResources(CriterionRun run) {
        return run.provider().resources().stream().filter(r -> r.typeName() != null && Alignment.isConnector(r.category()))
                .toList();
    }

    static String where(FileProblem p) {
        return p.path() + (p.line() > 0 ? ":" + p.line() : "");
    }

    // ---- US-016, US-017, US-018: the same three criteria over one category each ----------

    /**
     * Every resource of the category is compared with its backend configuration, and nothing
     * but coverage differs: no mapping to a key the backend does not let users set, and each
     * mapped attribute has the control's type, the select's options, the slider's bounds and
     * the field's sensitivity.
     */
    static Stream<DynamicTest> fieldAlignment(CriterionRun run, Category category) {
        return run.forEachResource(Audit.in(category), r -> {
            ConnectorAlignment a = alignmentOrSkip(run, r.registered());
            Findings f = run.findings();
            Severity worst = Severity.NORMAL;
            if (!a.compared()) {
                f.add(a.resourceWhere(), a.typeName() + ": not compared with the backend: " + a.notCompared());
            }
            for (Difference d : a.differences()) {
                if (d.kind() != Kind.MISSING) {
                    f.add(d.where(), d.describe(a.typeName()));
                    Severity s = gravityOf(d.kind());
                    worst = s.atLeast(worst) ? s : worst;
                }
            }
            run.reportSeverity(worst);
            f.verify();
        });
    }

    /**
     * What a difference means by the PRD's thresholds: a type the API rejects is a CRUD failure
     * and a secret shown in plans a security issue (blocker); an attribute for a key users cannot
     * set sends input the backend drops (critical); other options or bounds than the backend's
     * and a connector left uncompared are gaps in alignment or verification (normal).
     */
    static Severity gravityOf(Kind kind) {
        return switch (kind) {
            case TYPE, SENSITIVE -> Severity.BLOCKER;
            case EXTRA -> Severity.CRITICAL;
            case MISSING, ENUM, BOUNDS -> Severity.NORMAL;
        };
    }

    /**
     * One kind of difference only, over every connector resource: what FR-14 (attributes
     * the backend does not have) and FR-16 (types) ask of the same comparison.
     */
    public static Stream<DynamicTest> differencesOfKind(CriterionRun run, java.util.Set<Kind> kinds) {
        return run.forEachResource(r -> r.category() == null || Alignment.isConnector(r.category()), r -> {
            ConnectorAlignment a = alignmentOrSkip(run, r.registered());
            if (!a.compared()) {
                run.skip(a.typeName() + " could not be compared with the backend: " + a.notCompared(), command(run));
            }
            Findings f = run.findings();
            for (Difference d : a.differences()) {
                if (kinds.contains(d.kind())) {
                    f.add(d.where(), d.describe(a.typeName()));
                }
            }
            f.verify();
        });
    }

    /** Every user-defined field of the resource's backend configuration is mapped by an attribute. */
    static Stream<DynamicTest> fieldCoverage(CriterionRun run, Category category) {
        return run.forEachResource(Audit.in(category), (AuditedResource r) -> {
            ConnectorAlignment a = alignmentOrSkip(run, r.registered());
            Findings f = run.findings();
            if (!a.compared()) {
                f.add(a.resourceWhere(), a.typeName() + ": coverage unknown, not compared with the backend: " + a.notCompared());
                f.verify();
            }
            List<Difference> missing = a.of(Kind.MISSING);
            if (!missing.isEmpty()) {
                f.add(a.backendFile(), a.typeName() + ": expected 100% of the " + a.userDefinedFields()
                        + " user-defined fields mapped, found " + a.coveredFields() + " (" + a.coveragePercent() + "%)");
            }
            missing.forEach(d -> f.add(d.where(), d.describe(a.typeName())));
            f.verify();
        });
    }

    /**
     * Each difference of the resource is named, with its connector, on a page meant for
     * findings: markdown under {@code docs/} other than the generated resource and data-source
     * pages (which name every attribute anyway), or {@code CHANGELOG.md}.
     */
    static Stream<DynamicTest> discrepanciesDocumented(CriterionRun run, Category category) {
        return run.forEachResource(Audit.in(category), r -> {
            ConnectorAlignment a = alignmentOrSkip(run, r.registered());
            if (!a.compared()) {
                run.skip("the discrepancies of " + a.typeName() + " are unknown, it could not be compared with the backend ("
                        + a.notCompared() + ")", null);
            }
            List<DocPage> pages = findingsPages(run);
            Findings f = run.findings();
            String local = a.typeName().substring(a.typeName().indexOf('_') + 1);
            for (Difference d : a.differences()) {
                boolean documented = pages.stream().anyMatch(p -> (mentions(p.text(), a.code()) || mentions(p.text(), local))
                        && (mentions(p.text(), d.apiKey()) || d.attribute() != null && mentions(p.text(), d.attribute())));
                if (!documented) {
                    f.add(d.where(), d.describe(a.typeName()) + " — undocumented: expected a page under docs/ (not docs/resources/ "
                            + "or docs/data-sources/) or CHANGELOG.md naming " + a.code() + " and " + d.apiKey()
                            + ", found none among " + pages.stream().map(DocPage::path).toList());
                }
            }
            f.verify();
        });
    }

    private static List<DocPage> findingsPages(CriterionRun run) {
        return run.provider().files().docs().stream()
                .filter(p -> p.path().equals("CHANGELOG.md") || p.path().startsWith("docs/")
                        && !p.path().startsWith("docs/resources/") && !p.path().startsWith("docs/data-sources/"))
                .toList();
    }

    /** A whole-word mention, case-insensitive: {@code slot.name} does not count inside {@code slot.name.prefix}. */
    static boolean mentions(String text, String word) {
        if (word == null || word.isEmpty() || text == null) {
            return false;
        }
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(word) + "(?![\\w]|\\.\\w)", Pattern.CASE_INSENSITIVE)
                .matcher(text).find();
    }
}
