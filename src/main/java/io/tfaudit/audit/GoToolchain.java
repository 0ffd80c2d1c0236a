package io.tfaudit.audit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a failed {@code go} run failed because of the machine rather than the code: a Go
 * older than the module asks for, or modules that could not be downloaded. Such a run says
 * nothing about the provider, so the criterion is skipped with the reason, never failed.
 */
public final class GoToolchain {

    private record Sign(Pattern line, String meaning) {}

    private static final List<Sign> SIGNS = List.of(
            // Go before 1.21 reading a go.mod written for 1.21 or later ("go 1.25.0").
            new Sign(Pattern.compile("invalid go version '([^']+)': must match format"),
                    "the `go` here is older than go.mod's `go $1` and cannot read it"),
            // Go 1.21 or later, not allowed to fetch the toolchain go.mod asks for.
            new Sign(Pattern.compile("go\\.mod requires go >= (\\S+) \\(running go (\\S+?);"),
                    "go.mod requires go $1, the `go` here is $2 and may not fetch a newer toolchain"),
            new Sign(Pattern.compile("toolchain not available"),
                    "the Go toolchain go.mod asks for could not be fetched"),
            // Go before 1.21 adds this note to the errors of code written for a newer Go.
            new Sign(Pattern.compile("note: module requires Go (\\S+)"),
                    "the `go` here is older than the Go $1 the module requires, so its errors may be newer language features"),
            new Sign(Pattern.compile("module lookup disabled by GOPROXY=off"),
                    "the module's dependencies are not in the module cache and GOPROXY=off forbids downloading them"),
            // A module download, not a test's own network error: the URL or step is Go's module machinery.
            new Sign(Pattern.compile("(/@v/|/@latest|(proxy|sum)\\.golang\\.org|verifying module).*"
                    + "(" + ExternalCommand.NETWORK_FAILURE + "|Could not resolve host)"),
                    "the module's dependencies could not be downloaded (no network or no module proxy)"));

    private GoToolchain() {}

    /** Why the run failed for the machine's sake, with the line of Go's output that says so; empty when it did not. */
    public static Optional<String> unusableFor(ExternalCommand.Result r) {
        if (r.succeeded() || r.timedOut()) {
            return Optional.empty();
        }
        String[] lines = r.output().split("\n");
        for (Sign s : SIGNS) {
            for (String line : lines) {
                Matcher m = s.line().matcher(line);
                if (m.find()) {
                    return Optional.of(expand(s.meaning(), m) + " (go said: " + Secrets.scrub(line.strip()) + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static String expand(String meaning, Matcher m) {
        String out = meaning;
        for (int g = m.groupCount(); g >= 1; g--) {
            out = out.replace("$" + g, m.group(g) == null ? "" : m.group(g));
        }
        return out;
    }
}
