package io.tfaudit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the provider's own Go tests ({@code go test -json}) for criteria that ask for a test
 * run, when the user allowed it; otherwise says what is missing and the exact command.
 * Acceptance tests also need {@code acceptance} consent and API credentials.
 */
public final class GoTestRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each Go test's final action (pass, fail, skip) and the run's output tail. */
    public record Result(Map<String, String> actions, ExternalCommand.Result command) {}

    private GoTestRun() {}

    /** The shell command the PRD gives, for skip messages. */
    public static String command(boolean acceptance, String regex, String packages, String timeout) {
        return (acceptance ? "TF_ACC=1 " : "") + "go test -v" + (timeout == null ? "" : " -timeout " + timeout)
                + " -run '" + regex + "' " + packages;
    }

    /**
     * Runs the tests or skips the criterion: without exec consent, without go, or (for
     * acceptance tests) without acceptance consent or credentials, the criterion is reported
     * as skipped with the reason and {@code command(...)}.
     */
    public static Result runOrSkip(CriterionRun run, boolean acceptance, String regex, String packages, Duration timeout) {
        String cmd = command(acceptance, regex, packages, timeout.toMinutes() + "m");
        requireConsentAndGo(run, acceptance, cmd);
        List<String> argv = new ArrayList<>(List.of("go", "test", "-json", "-run", regex, "-timeout", timeout.toMinutes() + "m"));
        argv.addAll(List.of(packages.split(" ")));
        try {
            ExternalCommand.Result r = acceptance
                    ? ExternalCommand.run(run.audit().providerDir(), argv, timeout.plusMinutes(1), Map.of("TF_ACC", "1"))
                    : ExternalCommand.run(run.audit().providerDir(), argv, timeout.plusMinutes(1));
            return new Result(parse(r.output()), r);
        } catch (IOException e) {
            run.skip("go test could not start: " + e.getMessage(), cmd);
            throw new IllegalStateException("unreachable");
        }
    }

    /** Skips the criterion, with the command, unless the tests may run here. */
    private static void requireConsentAndGo(CriterionRun run, boolean acceptance, String cmd) {
        AuditConfig c = run.audit().config();
        if (!c.exec()) {
            run.skip("running the provider's Go tests needs consent (-Dexec=true"
                    + (acceptance ? " -Dacceptance=true" : "") + ")", cmd);
        }
        if (acceptance && !c.acceptance()) {
            run.skip("acceptance tests call the live API and need consent (-Dacceptance=true)", cmd);
        }
        if (acceptance && (blank("STREAMKAP_CLIENT_ID") || blank("STREAMKAP_SECRET"))) {
            run.skip("acceptance tests need STREAMKAP_CLIENT_ID and STREAMKAP_SECRET in the environment", cmd);
        }
        if (ExternalCommand.onPath("go").isEmpty()) {
            run.skip("no `go` command on PATH", cmd);
        }
    }

    /** Statement coverage per package ({@code go test -cover}), or the criterion is skipped with the command. */
    public static Map<String, Double> coverageOrSkip(CriterionRun run, List<String> packages, Duration timeout) {
        List<String> argv = new ArrayList<>(List.of("go", "test", "-cover"));
        argv.addAll(packages);
        requireConsentAndGo(run, false, String.join(" ", argv));
        try {
            ExternalCommand.Result r = ExternalCommand.run(run.audit().providerDir(), argv, timeout);
            if (r.timedOut()) {
                throw new org.opentest4j.AssertionFailedError("`" + String.join(" ", argv) + "` timed out after "
                        + timeout.toMinutes() + " min:\n" + r.output());
            }
            return coverage(r.output());
        } catch (IOException e) {
            run.skip("go test could not start: " + e.getMessage(), String.join(" ", argv));
            throw new IllegalStateException("unreachable");
        }
    }

    private static final java.util.regex.Pattern COVER = java.util.regex.Pattern.compile(
            "^(?:ok|FAIL)?\\s+(\\S+)\\s.*?coverage: ([0-9.]+)% of statements");
    private static final java.util.regex.Pattern NO_TESTS = java.util.regex.Pattern.compile("^\\?\\s+(\\S+)\\s+\\[no test files\\]");

    /** "ok  example.com/p/internal/api 0.01s coverage: 81.2% of statements" → {…/internal/api=81.2}. */
    static Map<String, Double> coverage(String output) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            java.util.regex.Matcher m = COVER.matcher(line);
            if (m.find()) {
                out.put(m.group(1), Double.parseDouble(m.group(2)));
            } else if ((m = NO_TESTS.matcher(line)).find()) {
                out.put(m.group(1), 0.0);
            }
        }
        return out;
    }

    static Map<String, String> parse(String jsonLines) {
        Map<String, String> actions = new LinkedHashMap<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                JsonNode e = JSON.readTree(line);
                String test = e.path("Test").asText("");
                String action = e.path("Action").asText("");
                if (!test.isEmpty() && (action.equals("pass") || action.equals("fail") || action.equals("skip"))) {
                    actions.put(test, action);
                }
            } catch (IOException notJson) {
                // build output between events
            }
        }
        return actions;
    }

    private static boolean blank(String env) {
        String v = System.getenv(env);
        return v == null || v.isBlank();
    }
}
