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
        Files.writeString(resultsDir.resolve("executor.json"), """
                {"name": "tfaudit", "type": "tfaudit", "buildName": "audit of %s"}
                """.formatted(jsonEscape(audit.providerDir().toString())), StandardCharsets.UTF_8);
        try (InputStream in = ReportFiles.class.getResourceAsStream("categories.json")) {
            Files.copy(in, resultsDir.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static Map<String, String> environment(Audit audit) {
        Map<String, String> env = new LinkedHashMap<>();
        AuditConfig c = audit.config();
        env.put("provider.path", audit.providerDir() + (audit.auditsSampleProvider() ? " (embedded sample)" : ""));
        git(audit.providerDir(), env);
        env.put("baseline", c.baselinePath() != null ? c.baselinePath().toString()
                : c.baselineRef() != null ? c.baselineRef() : AuditConfig.DEFAULT_BASELINE_REF + " (default, when the repository has it)");
        env.put("backend.path", c.backendPath() == null ? "none" : c.backendPath().toString());
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

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
