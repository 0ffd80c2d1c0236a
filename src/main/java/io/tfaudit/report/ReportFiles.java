package io.tfaudit.report;

import io.tfaudit.audit.Audit;
import io.tfaudit.audit.AuditConfig;
import io.tfaudit.audit.ExternalCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * What the Allure report shows besides the results: environment.properties (what was
 * audited, with which tools), executor.json and categories.json (how findings are grouped).
 */
public final class ReportFiles {

    private ReportFiles() {}

    public static void write(Path resultsDir, Audit audit) throws IOException {
        Files.createDirectories(resultsDir);
        Map<String, String> env = environment(audit);
        StringBuilder props = new StringBuilder();
        env.forEach((k, v) -> props.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", " ")).append('\n'));
        Files.writeString(resultsDir.resolve("environment.properties"), props.toString(), StandardCharsets.UTF_8);
        writeExecutor(resultsDir, audit.providerDir().toAbsolutePath().normalize().getFileName() + "", System.getenv());
        writeCategories(resultsDir);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /**
     * categories.json: one category per kind of finding, so that every failed result falls in
     * exactly one (its message starts {@code [severity] Kind: }); what no kind claims falls in
     * "Other failures"; results not judged are apart; skips by their reason, each in one.
     */
    public static void writeCategories(Path resultsDir) throws IOException {
        var all = JSON.createArrayNode();
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (io.tfaudit.audit.FindingKind k : io.tfaudit.audit.FindingKind.values()) {
            if (k == io.tfaudit.audit.FindingKind.OTHER) {
                continue;
            }
            labels.add(java.util.regex.Pattern.quote(k.label()));
            var c = all.addObject();
            c.put("name", k.label());
            c.putArray("matchedStatuses").add("failed");
            c.put("messageRegex", "(?s)^\\[[a-z]+\\] " + java.util.regex.Pattern.quote(k.label()) + ": .*");
        }
        var other = all.addObject();
        other.put("name", "Other failures");
        other.putArray("matchedStatuses").add("failed");
        other.put("messageRegex", "(?s)^(?!\\[[a-z]+\\] (" + String.join("|", labels) + "): ).*");
        var broken = all.addObject();
        broken.put("name", "Not judged (broken)");
        broken.putArray("matchedStatuses").add("broken");
        broken.put("messageRegex", "(?s).*");
        String[][] skips = {
                {"Skipped: not applicable", "(?s)^skipped: not applicable.*"},
                {"Skipped: baselined (accepted findings)", "(?s)^baselined:.*"},
                {"Skipped: tool, credential or consent missing", "(?s)^(?!skipped: not applicable)(?!baselined:).*"}};
        for (String[] skip : skips) {
            var c = all.addObject();
            c.put("name", skip[0]);
            c.putArray("matchedStatuses").add("skipped");
            c.put("messageRegex", skip[1]);
        }
        JSON.writeValue(resultsDir.resolve("categories.json").toFile(), all);
    }

    /**
     * executor.json: the report's name and, under a CI system (GitHub Actions, GitLab CI,
     * Jenkins), the build's name, number and link, so that trend points are labelled. No path
     * of the auditing machine: the provider by its folder's name.
     */
    public static void writeExecutor(Path resultsDir, String providerName, Map<String, String> env) throws IOException {
        var e = JSON.createObjectNode();
        e.put("name", "tfaudit");
        e.put("type", "tfaudit");
        e.put("reportName", "tfaudit audit of " + providerName);
        if (env.get("GITHUB_ACTIONS") != null) {
            e.put("name", "GitHub Actions");
            e.put("type", "github");
            e.put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #" + env.getOrDefault("GITHUB_RUN_NUMBER", "?"));
            putNumber(e, "buildOrder", env.get("GITHUB_RUN_NUMBER"));
            if (env.get("GITHUB_SERVER_URL") != null && env.get("GITHUB_REPOSITORY") != null && env.get("GITHUB_RUN_ID") != null) {
                e.put("buildUrl", env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
            }
        } else if (env.get("GITLAB_CI") != null) {
            e.put("name", "GitLab CI");
            e.put("type", "gitlab");
            e.put("buildName", env.getOrDefault("CI_JOB_NAME", "job") + " #" + env.getOrDefault("CI_PIPELINE_IID", env.getOrDefault("CI_PIPELINE_ID", "?")));
            putNumber(e, "buildOrder", env.getOrDefault("CI_PIPELINE_IID", env.get("CI_PIPELINE_ID")));
            if (env.get("CI_JOB_URL") != null || env.get("CI_PIPELINE_URL") != null) {
                e.put("buildUrl", env.getOrDefault("CI_JOB_URL", env.get("CI_PIPELINE_URL")));
            }
        } else if (env.get("JENKINS_URL") != null || env.get("BUILD_NUMBER") != null && env.get("JOB_NAME") != null) {
            e.put("name", "Jenkins");
            e.put("type", "jenkins");
            e.put("buildName", env.getOrDefault("JOB_NAME", "job") + " #" + env.getOrDefault("BUILD_NUMBER", "?"));
            putNumber(e, "buildOrder", env.get("BUILD_NUMBER"));
            if (env.get("BUILD_URL") != null) {
                e.put("buildUrl", env.get("BUILD_URL"));
            }
        } else {
            e.put("buildName", "audit of " + providerName);
        }
        JSON.writeValue(resultsDir.resolve("executor.json").toFile(), e);
    }

    private static void putNumber(com.fasterxml.jackson.databind.node.ObjectNode e, String field, String value) {
        if (value != null && value.matches("\\d{1,9}")) {
            e.put(field, Integer.parseInt(value));
        }
    }

    static Map<String, String> environment(Audit audit) {
        Map<String, String> env = new LinkedHashMap<>();
        AuditConfig c = audit.config();
        // The folder's name, not its path: no path of the auditing machine leaves in the report.
        env.put("provider", audit.auditsSampleProvider() ? "the embedded sample"
                : String.valueOf(audit.providerDir().toAbsolutePath().normalize().getFileName()));
        git(audit.providerDir(), env);
        env.put("baseline", c.baselinePath() != null ? "the checkout " + c.baselinePath().toAbsolutePath().normalize().getFileName()
                : c.baselineRef() != null ? c.baselineRef() : AuditConfig.DEFAULT_BASELINE_REF + " (default, when the repository has it)");
        env.put("backend", c.backendPath() == null ? "none" : "the checkout " + c.backendPath().toAbsolutePath().normalize().getFileName());
        env.put("exec", Boolean.toString(c.exec()));
        env.put("acceptance", Boolean.toString(c.acceptance()));
        if (c.execTimeout() != null) {
            env.put("exec.timeout", io.tfaudit.audit.GoTestRun.goDuration(c.execTimeout()));
        }
        env.put("tfaudit.version", version());
        env.put("go", toolVersion("go", List.of("go", "version")));
        env.put("terraform", toolVersion("terraform", List.of("terraform", "version")));
        return env;
    }

    private static void git(Path dir, Map<String, String> env) {
        try (Repository repo = new FileRepositoryBuilder().findGitDir(dir.toFile()).setMustExist(true).build();
             Git git = new Git(repo)) {
            var head = repo.resolve("HEAD");
            env.put("git.commit", head == null ? "none" : head.getName());
            env.put("git.branch", String.valueOf(repo.getBranch()));
            String describe = head == null ? null : git.describe().setTags(true).setAlways(true).call();
            env.put("git.describe", describe == null ? "none" : describe);
        } catch (Exception | Error notAGitCheckout) {
            env.put("git.commit", "not a git checkout");
        }
    }

    private static String toolVersion(String tool, List<String> command) {
        if (ExternalCommand.onPath(tool).isEmpty()) {
            return "absent";
        }
        try {
            var r = ExternalCommand.run(Path.of("."), command, java.time.Duration.ofSeconds(20));
            return r.output().lines().filter(l -> l.matches("(?i)^(go version|terraform v).*")).findFirst()
                    .or(() -> r.output().lines().findFirst()).orElse("unknown").strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String version() {
        String v = ReportFiles.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

}
