package io.tfaudit.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to audit and what the audit may do, the same from every entry point: a JUnit
 * configuration parameter or system property ({@code -Dprovider.path=...}), else
 * {@code tfaudit.properties} in the working directory, else the environment.
 *
 * @param providerPath the checkout to audit; null for the embedded sample provider
 * @param baselineRef a git revision of the provider's repository to compare with (default v2.1.18 when it exists)
 * @param baselinePath a checkout to compare with, instead of a revision
 * @param backendPath the backend repository with the connectors' configuration.latest.json
 * @param inventoryPath a resource inventory file replacing the built-in one
 * @param exec whether the audit may run go and terraform on the audited repository
 * @param acceptance whether it may run acceptance tests against the live API
 * @param acceptedFindingsFile the file of accepted findings (default: tfaudit-baseline.json in the audited tree)
 * @param execTimeout how long any one tool run may take before its process tree is killed; null for each run's own
 *                    default (10 min for {@code go build}, 10 to 180 min for test runs, as the audit plan gives)
 */
public record AuditConfig(Path providerPath, String baselineRef, Path baselinePath, Path backendPath, Path inventoryPath,
                          boolean exec, boolean acceptance, Path acceptedFindingsFile, Duration execTimeout) {

    public static final String PROVIDER_PATH = "provider.path";
    public static final String BASELINE_REF = "baseline.ref";
    public static final String BASELINE_PATH = "baseline.path";
    public static final String BACKEND_PATH = "backend.path";
    public static final String INVENTORY = "inventory";
    public static final String EXEC = "exec";
    public static final String ACCEPTANCE = "acceptance";
    public static final String BASELINE_FILE = "baseline.file";
    public static final String EXEC_TIMEOUT = "exec.timeout";

    /** The default baseline: the v2 release the PRD's compatibility promise is made against. */
    public static final String DEFAULT_BASELINE_REF = "v2.1.18";

    /** Resolves every key through {@code lookup} (JUnit's configuration parameters), then the properties file, then the environment. */
    public static AuditConfig resolve(Function<String, Optional<String>> lookup) {
        Properties file = propertiesFile();
        Function<String, Optional<String>> get = key -> lookup.apply(key).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(file.getProperty(key)).filter(v -> !v.isBlank()));
        return new AuditConfig(
                get.apply(PROVIDER_PATH).map(Path::of).orElse(null),
                get.apply(BASELINE_REF).orElse(null),
                get.apply(BASELINE_PATH).map(Path::of).orElse(null),
                get.apply(BACKEND_PATH).or(() -> Optional.ofNullable(System.getenv("STREAMKAP_BACKEND_PATH")))
                        .filter(v -> !v.isBlank()).map(Path::of).orElse(null),
                get.apply(INVENTORY).map(Path::of).orElse(null),
                get.apply(EXEC).map(Boolean::parseBoolean).orElse(false),
                get.apply(ACCEPTANCE).map(Boolean::parseBoolean).orElse(false),
                get.apply(BASELINE_FILE).map(Path::of).orElse(null),
                get.apply(EXEC_TIMEOUT).map(v -> parseDuration(EXEC_TIMEOUT, v)).orElse(null));
    }

    private static final Pattern RELEASE_TAG = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?");

    /**
     * The released provider version migration tests pin (2.1.18): the baseline ref when it is a
     * release tag, else the PRD's. A branch or a commit is not something Terraform can download.
     */
    public String releasedBaselineVersion() {
        String tag = baselineRef != null && RELEASE_TAG.matcher(baselineRef).matches() ? baselineRef : DEFAULT_BASELINE_REF;
        return tag.startsWith("v") ? tag.substring(1) : tag;
    }

    /** The timeout of a tool run whose own default is {@code own}: {@code exec.timeout} when it is set. */
    public Duration toolTimeout(Duration own) {
        return execTimeout != null ? execTimeout : own;
    }

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /**
     * A duration written as Go writes them ({@code 90s}, {@code 10m}, {@code 1h30m}, {@code 500ms})
     * or in ISO-8601 ({@code PT10M}); it must be positive.
     *
     * @throws IllegalArgumentException naming the key and the value, when it is not one
     */
    public static Duration parseDuration(String key, String text) {
        String v = text.strip();
        Duration d = null;
        if (v.toUpperCase(java.util.Locale.ROOT).startsWith("PT")) {
            try {
                d = Duration.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                d = null;
            }
        } else {
            Matcher m = GO_DURATION.matcher(v);
            int end = 0;
            Duration sum = Duration.ZERO;
            while (m.find() && m.start() == end) {
                long n = Long.parseLong(m.group(1));
                sum = sum.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                });
                end = m.end();
            }
            d = end > 0 && end == v.length() ? sum : null;
        }
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a positive duration (write it as 90s, 10m, 1h30m or PT10M)");
        }
        return d;
    }

    private static Properties propertiesFile() {
        Properties p = new Properties();
        Path file = Path.of("tfaudit.properties");
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // A malformed file is reported by the audit's configuration check, not here.
            }
        }
        return p;
    }
}
