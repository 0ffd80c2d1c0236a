package io.tfaudit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the provider's own Go tests ({@code go test -json}) for criteria that ask for a test
 * run, when the user allowed it; otherwise says what is missing and the exact command.
 * Acceptance tests also need {@code acceptance} consent and API credentials.
 *
 * <p>The run's output is attached to the criterion's result (secrets redacted). A run that
 * does not end within its timeout ({@code exec.timeout} when set) has its process tree
 * killed and fails the criterion with the output it wrote until then.
 */
public final class GoTestRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Variables that switch the provider's tests from checking recorded files to rewriting
     * them (the audit plan's snapshot and cassette tests): never passed on, so that a run
     * never writes into the audited tree.
     */
    static final Set<String> RECORDING_VARIABLES = Set.of("UPDATE_SNAPSHOTS", "UPDATE_CASSETTES");

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
        Duration limit = run.audit().config().toolTimeout(timeout);
        String cmd = command(acceptance, regex, packages, goDuration(limit));
        requireConsentAndGo(run, acceptance, cmd);
        Path dir = run.audit().providerDir();
        List<String> argv = new ArrayList<>(List.of("go", "test", moduleMode(dir), "-count=1", "-json", "-run", regex, "-timeout", goDuration(limit)));
        argv.addAll(List.of(packages.split(" ")));
        ExternalCommand.Result r = runKilledAfterGrace(run, argv, limit, acceptance ? Map.of("TF_ACC", "1") : Map.of(), cmd);
        String shown = (acceptance ? "TF_ACC=1 " : "") + String.join(" ", argv);
        run.evidence("go test output", "$ cd " + dir + " && " + shown + "\n"
                + (r.timedOut() ? "(killed after " + goDuration(limit.plus(grace(limit))) + ": no exit code)" : "exit " + r.exitCode())
                + "\n\n" + Secrets.scrub(readable(r.output())));
        failIfKilled(run, packages, shown, limit, r, readable(r.output()));
        skipIfTheMachineCannot(run, r, cmd);
        if (acceptance) {
            String host = Optional.ofNullable(System.getenv("STREAMKAP_HOST")).filter(h -> !h.isBlank()).orElse(DEFAULT_API_HOST);
            apiUnreachable(r, host).ifPresent(line -> run.skip("the acceptance tests could not reach the Streamkap API at " + host
                    + " from this machine (" + Secrets.scrub(line) + ")", cmd + "  (with network access to the API)"));
        }
        return new Result(parse(r.output()), r);
    }

    /** Statement coverage per package ({@code go test -cover}), or the criterion is skipped with the command. */
    public static Map<String, Double> coverageOrSkip(CriterionRun run, List<String> packages, Duration timeout) {
        Duration limit = run.audit().config().toolTimeout(timeout);
        List<String> argv = new ArrayList<>(List.of("go", "test", "-cover"));
        argv.addAll(packages);
        requireConsentAndGo(run, false, String.join(" ", argv));
        argv.addAll(2, List.of(moduleMode(run.audit().providerDir()), "-count=1", "-timeout", goDuration(limit)));
        ExternalCommand.Result r = runKilledAfterGrace(run, argv, limit, Map.of(), String.join(" ", argv));
        run.evidence("go test -cover output", "$ cd " + run.audit().providerDir() + " && " + String.join(" ", argv) + "\n"
                + (r.timedOut() ? "(killed after " + goDuration(limit.plus(grace(limit))) + ": no exit code)" : "exit " + r.exitCode())
                + "\n\n" + Secrets.scrub(r.output()));
        failIfKilled(run, String.join(" ", packages), String.join(" ", argv), limit, r, r.output());
        skipIfTheMachineCannot(run, r, String.join(" ", argv));
        return coverage(r.output());
    }

    /**
     * Go's own {@code -timeout} ends a test that runs too long (with its goroutines' stacks in
     * the output); the kill, a little later, ends what it does not cover (a build, a TestMain).
     * The provider's tests never get the variables that make them rewrite recorded files.
     */
    private static ExternalCommand.Result runKilledAfterGrace(CriterionRun run, List<String> argv, Duration limit,
                                                              Map<String, String> env, String cmd) {
        try {
            return ExternalCommand.run(run.audit().providerDir(), argv, limit.plus(grace(limit)), env, RECORDING_VARIABLES);
        } catch (IOException e) {
            run.skip("go test could not start: " + e.getMessage(), cmd);
            throw new IllegalStateException("unreachable");
        }
    }

    /** A run that had to be killed fails the criterion with the output written until then. */
    private static void failIfKilled(CriterionRun run, String where, String shown, Duration limit, ExternalCommand.Result r,
                                     String output) {
        if (r.timedOut()) {
            run.findings().add(where, "`" + shown + "` did not finish within " + goDuration(limit.plus(grace(limit)))
                    + " (timeout " + goDuration(limit) + "): it and every process it started were killed. Its output until then:\n"
                    + tail(Secrets.scrub(output), 40)).verify();
        }
    }

    static final String DEFAULT_API_HOST = "https://api.streamkap.com";

    private static final java.util.regex.Pattern NETWORK_ERROR = java.util.regex.Pattern.compile(
            ExternalCommand.NETWORK_FAILURE + "|network is unreachable");

    /**
     * The line of a failed acceptance run saying the API's host could not be reached: then the
     * tests judged the network, not the provider. A test's own network errors (against a fake
     * server) do not name the API's host.
     */
    static Optional<String> apiUnreachable(ExternalCommand.Result r, String host) {
        if (r.succeeded() || r.timedOut()) {
            return Optional.empty();
        }
        String name = host.replaceFirst("^[a-z]+://", "").replaceFirst("[:/].*$", "");
        return readable(r.output()).lines().filter(l -> l.contains(name) && NETWORK_ERROR.matcher(l).find())
                .map(String::strip).findFirst();
    }

    /** A run that failed for the machine's sake (an older Go, no module downloads) judges nothing: skipped. */
    private static void skipIfTheMachineCannot(CriterionRun run, ExternalCommand.Result r, String cmd) {
        GoToolchain.unusableFor(r).ifPresent(why -> run.skip("go test could not judge the tests on this machine: " + why,
                cmd + "  (with the Go go.mod asks for, and its dependencies downloadable or in the module cache)"));
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
        if (acceptance && (!ExternalCommand.environmentHas("STREAMKAP_CLIENT_ID") || !ExternalCommand.environmentHas("STREAMKAP_SECRET"))) {
            run.skip("acceptance tests need STREAMKAP_CLIENT_ID and STREAMKAP_SECRET in the environment", cmd);
        }
        if (ExternalCommand.onPath("go").isEmpty()) {
            run.skip("no `go` command on PATH", cmd);
        }
    }

    /** How long after Go's own {@code -timeout} the process tree is killed: as long again, at most a minute. */
    static Duration grace(Duration timeout) {
        return timeout.compareTo(Duration.ofMinutes(1)) < 0 ? timeout : Duration.ofMinutes(1);
    }

    /**
     * The {@code -mod} flag that never lets the go command write {@code go.mod} or {@code go.sum}
     * (whatever GOFLAGS says): the vendor folder when the module vendors, else read-only.
     */
    public static String moduleMode(Path dir) {
        return Files.isRegularFile(dir.resolve("vendor").resolve("modules.txt")) ? "-mod=vendor" : "-mod=readonly";
    }

    /** A duration as Go writes it: {@code 20m}, {@code 90s}, {@code 1500ms}. */
    public static String goDuration(Duration d) {
        if (d.toSeconds() % 60 == 0 && d.toNanosPart() == 0 && d.toMinutes() > 0) {
            return d.toMinutes() + "m";
        }
        if (d.toNanosPart() % 1_000_000_000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    /** {@code go test -json} output as a person reads it: the tests' own output, and the lines that are not events. */
    static String readable(String jsonLines) {
        StringBuilder out = new StringBuilder();
        for (String line : jsonLines.split("\n", -1)) {
            if (line.startsWith("{")) {
                try {
                    JsonNode e = JSON.readTree(line);
                    if (e.path("Action").asText("").equals("output")) {
                        out.append(e.path("Output").asText(""));
                    }
                    continue;
                } catch (IOException notJson) {
                    // shown as it is
                }
            }
            if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
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

    static String tail(String output, int lines) {
        String[] all = output.split("\n");
        int from = Math.max(0, all.length - lines);
        return (from > 0 ? "… (" + from + " lines before)\n" : "") + String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }

}
