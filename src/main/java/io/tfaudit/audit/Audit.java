package io.tfaudit.audit;

import io.tfaudit.api.Phase;
import io.tfaudit.provider.Category;
import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.ProviderReader;
import io.tfaudit.provider.Resource;
import io.tfaudit.source.GitRevisionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One audit run's shared state, built once per configuration and handed to every criterion:
 * the provider model, the baseline's model, the inventory. Criteria never read files
 * themselves; they ask this.
 */
public final class Audit {

    private static final Map<AuditConfig, Audit> RUNS = new ConcurrentHashMap<>();

    private final AuditConfig config;
    private final Path providerDir;
    private ProviderModel provider;
    private Optional<ProviderModel> baseline;
    private String baselineLabel;
    private String baselineUnavailable;
    private Inventory inventory;
    private Typecheck.Outcome typecheck;
    private AcceptedFindings accepted;
    private final java.util.Set<String> usedEntries = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Audit(AuditConfig config) {
        this.config = config;
        this.providerDir = config.providerPath() != null ? config.providerPath() : SampleProvider.directory();
    }

    /** The run for this configuration; the provider is read once however many criteria ask. */
    public static Audit of(AuditConfig config) {
        return RUNS.computeIfAbsent(config, Audit::new);
    }

    public AuditConfig config() {
        return config;
    }

    /** The audited checkout: the configured path, or the unpacked sample provider. */
    public Path providerDir() {
        return providerDir;
    }

    public boolean auditsSampleProvider() {
        return config.providerPath() == null;
    }

    public synchronized ProviderModel provider() {
        if (provider == null) {
            // The baseline is read meanwhile, on another thread: most audits compare with it.
            startReadingTheBaseline();
            provider = io.tfaudit.go.ast.DeepStack.call("provider-read", () -> ProviderReader.read(providerDir));
        }
        return provider;
    }

    private java.util.Set<String> generatedFiles;

    /** Whether a path of the audited provider is a Go file that says it is generated ({@code // Code generated ... DO NOT EDIT.}). */
    public synchronized boolean isGenerated(String path) {
        if (generatedFiles == null) {
            ProviderModel p = provider();
            java.util.Set<String> found = new java.util.HashSet<>();
            if (p != null && p.module() != null) {
                p.module().tree().files().stream().filter(io.tfaudit.go.ast.GoFile::isGenerated)
                        .forEach(f -> found.add(f.path()));
            }
            generatedFiles = java.util.Set.copyOf(found);
        }
        return generatedFiles.contains(path);
    }

    private java.util.concurrent.CompletableFuture<Optional<ProviderModel>> baselineReading;

    private synchronized void startReadingTheBaseline() {
        if (baseline == null && baselineReading == null) {
            var reading = new java.util.concurrent.CompletableFuture<Optional<ProviderModel>>();
            baselineReading = reading;
            // A thread of its own with a deep stack: model building recurses through syntax trees.
            io.tfaudit.go.ast.DeepStack.start("baseline-read", true, () -> {
                try {
                    reading.complete(loadBaseline());
                } catch (Throwable e) {
                    reading.completeExceptionally(e);
                }
            });
        }
    }

    /**
     * What the user named that is not there: a folder that is none, an unreadable or malformed
     * inventory, a baseline revision the repository lacks. Any of them would quietly change the
     * audit (no baseline, no backend, the built-in inventory), so no criterion runs with one.
     */
    public synchronized List<String> namedInputProblems() {
        return memo("named-input-problems", () -> {
            List<String> problems = new ArrayList<>();
            folder(problems, "provider.path (--provider)", config.providerPath());
            folder(problems, "baseline.path (--baseline-path)", config.baselinePath());
            folder(problems, "backend.path (--backend, or STREAMKAP_BACKEND_PATH)", config.backendPath());
            if (problems.isEmpty() && config.inventoryPath() != null) {
                inventory().problems().forEach(p -> problems.add("inventory (--inventory) " + p));
            }
            // The provider first: its reading starts the baseline's alongside.
            if (problems.isEmpty() && config.baselineRef() != null && provider() != null && baselineUnavailableReason() != null) {
                problems.add("baseline.ref (--baseline-ref) " + config.baselineRef() + ": " + baselineUnavailableReason());
            }
            return List.copyOf(problems);
        });
    }

    private static void folder(List<String> problems, String what, Path p) {
        if (p != null && !Files.isDirectory(p)) {
            problems.add(what + " " + p + ": " + (Files.exists(p) ? "not a directory" : "no such directory"));
        }
    }

    /** The baseline's model (baseline.path, baseline.ref, or v2.1.18 when the repository has it). */
    public synchronized Optional<ProviderModel> baseline() {
        if (baseline == null) {
            startReadingTheBaseline();
            baseline = baselineReading.join();
        }
        return baseline;
    }

    /** What the baseline is ("v2.1.18 of /repo/.git"), or null when there is none. */
    /**
     * Text with the audited checkout's place on this machine taken out ({@code /home/x/p/internal/a.go}
     * reads {@code internal/a.go}, {@code cd /home/x/p} reads {@code cd .}): what the report shows
     * is uploaded, and must say nothing of the machine that ran the audit.
     */
    public String withoutMachinePaths(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String root : machineRoots()) {
            if (out.contains(root)) {
                out = out.replace(root + "/", "").replace(root, ".");
            }
        }
        return out;
    }

    private java.util.List<String> machineRoots;

    private synchronized java.util.List<String> machineRoots() {
        if (machineRoots == null) {
            java.util.Set<String> roots = new java.util.LinkedHashSet<>();
            Path abs = providerDir.toAbsolutePath().normalize();
            try {
                roots.add(abs.toRealPath().toString());
            } catch (IOException | RuntimeException e) {
                // the path as given is enough
            }
            roots.add(abs.toString());
            roots.removeIf(r -> r.length() < 2);
            machineRoots = java.util.List.copyOf(roots);
        }
        return machineRoots;
    }

    public synchronized String baselineLabel() {
        baseline();
        return baselineLabel;
    }

    /** Why there is no baseline, with what would provide one; null when there is one. */
    public synchronized String baselineUnavailableReason() {
        baseline();
        return baselineUnavailable;
    }

    private Optional<ProviderModel> loadBaseline() {
        if (config.baselinePath() != null) {
            if (!Files.isDirectory(config.baselinePath())) {
                baselineUnavailable = "baseline.path " + config.baselinePath() + " is not a directory";
                return Optional.empty();
            }
            // Names, not paths: labels reach the report, and no path of the auditing machine may.
            baselineLabel = "the checkout " + config.baselinePath().toAbsolutePath().normalize().getFileName();
            return Optional.of(ProviderReader.read(config.baselinePath()));
        }
        String ref = config.baselineRef() != null ? config.baselineRef() : AuditConfig.DEFAULT_BASELINE_REF;
        try (GitRevisionSource source = GitRevisionSource.open(providerDir, ref)) {
            baselineLabel = ref + (source.commit() == null || source.commit().length() < 12 || source.commit().startsWith(ref) ? ""
                    : " (" + source.commit().substring(0, 12) + ")");
            return Optional.of(ProviderReader.read(source));
        } catch (IOException e) {
            baselineUnavailable = e.getMessage() + "; give -Dbaseline.ref=REF (a revision of the provider's repository)"
                    + " or -Dbaseline.path=DIR (a checkout of the baseline)";
            return Optional.empty();
        }
    }

    private final Map<String, Object> memo = new ConcurrentHashMap<>();
    private final CriterionOutcomes outcomes = new CriterionOutcomes();

    /** Where findings' places open: the provider's host at the audited commit, or relative paths. */
    public CodeLinks codeLinks() {
        return memo("code-links", () -> CodeLinks.of(providerDir));
    }

    /** The verdicts criteria reached in this run, which requirements that restate them read. */
    CriterionOutcomes outcomes() {
        return outcomes;
    }

    /**
     * A value derived from the provider once per run and shared by every criterion that
     * needs it (an index of test code, a call graph): criteria must not rebuild one per resource.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object known = memo.get(key);
        if (known == null) {
            known = compute.get();
            Object raced = memo.putIfAbsent(key, known);
            if (raced != null) {
                known = raced;
            }
        }
        return (T) known;
    }

    /** The accepted findings of the audited tree (or of the configured file); read, never written. */
    public synchronized AcceptedFindings acceptedFindings() {
        if (accepted == null) {
            // The tree's own file may not lead out of it; a file the user named may be anywhere.
            accepted = config.acceptedFindingsFile() != null ? AcceptedFindings.read(config.acceptedFindingsFile())
                    : AcceptedFindings.read(providerDir.resolve(AcceptedFindings.FILE_NAME), providerDir);
        }
        return accepted;
    }

    /** Records that an entry accepted a finding in this run; the others are stale. */
    void entryUsed(AcceptedFindings.Entry e) {
        usedEntries.add(e.key());
    }

    /**
     * Entries that accepted nothing in this run although their criterion was judged (their
     * finding is gone: remove them). An entry whose criterion did not run here (a partial
     * selection, one class from the IDE) is not judged, nor one of Phase 11 when no other
     * phase's story failed: Phase 11 judges those failures, and a finding of its that counts
     * them (US-032.6) is gone once they are all accepted, although nothing was fixed.
     */
    public List<AcceptedFindings.Entry> staleEntries() {
        boolean othersFailed = outcomes.storyFailedOutside(Phase.PHASE_11);
        return acceptedFindings().entries().stream()
                .filter(e -> !usedEntries.contains(e.key()) && outcomes.judged(e.criterion(), e.resource()))
                .filter(e -> othersFailed || CriterionOutcomes.phaseOf(e.criterion()).orElse(null) != Phase.PHASE_11)
                .toList();
    }

    /** The shared "Typecheck passes" outcome, decided once per run. */
    synchronized Typecheck.Outcome typecheck() {
        if (typecheck == null) {
            typecheck = Typecheck.decide(this);
        }
        return typecheck;
    }

    public synchronized Inventory inventory() {
        if (inventory == null) {
            if (config.inventoryPath() != null) {
                inventory = Inventory.read(config.inventoryPath());
            } else if (auditsSampleProvider() && Files.isRegularFile(providerDir.resolve("inventory.txt"))) {
                inventory = Inventory.read(providerDir.resolve("inventory.txt"));
            } else {
                inventory = Inventory.builtIn();
            }
        }
        return inventory;
    }

    /**
     * The resources in scope: every inventory entry and every registered resource or data
     * source, sorted by type name (data sources after resources of the same name).
     */
    public List<AuditedResource> resources(Predicate<AuditedResource> scope) {
        Map<String, AuditedResource> byKey = new LinkedHashMap<>();
        for (Resource r : provider().resources()) {
            if (r.typeName() != null) {
                byKey.put("r:" + r.typeName(), new AuditedResource(r.typeName(), r.category(), r, null));
            } else {
                // Its category is unknown too: it is in every scope, and fails there with the reason.
                byKey.put("u:" + r.constructor(), new AuditedResource("(type name unresolved) " + r.constructor(), null, r, null));
            }
        }
        for (Resource r : provider().dataSources()) {
            if (r.typeName() != null) {
                byKey.put("d:" + r.typeName(), new AuditedResource(r.typeName(), Category.DATA_SOURCE, r, null));
            }
        }
        for (Inventory.Entry e : inventory().entries()) {
            String key = (e.isDataSource() ? "d:" : "r:") + e.typeName();
            AuditedResource known = byKey.get(key);
            byKey.put(key, new AuditedResource(e.typeName(), known != null ? known.category() : e.category(),
                    known != null ? known.registered() : null, e));
        }
        List<AuditedResource> out = new ArrayList<>();
        for (AuditedResource r : byKey.values()) {
            if (scope.test(r)) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(AuditedResource::typeName).thenComparing(r -> r.category() == Category.DATA_SOURCE,
                Comparator.naturalOrder()));
        return out;
    }

    /** Scope helpers: {@code audit.resources(Audit.in(Category.SOURCE))}. */
    public static Predicate<AuditedResource> in(Category... categories) {
        return r -> r.category() == null || List.of(categories).contains(r.category());
    }

    public static Predicate<AuditedResource> resourcesOnly() {
        return r -> r.category() != Category.DATA_SOURCE;
    }
}
