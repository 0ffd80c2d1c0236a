package io.tfaudit.audit;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.UserStory;
import io.tfaudit.api.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the report says of a criterion beside its results: the PRD's sentence, why it matters
 * (its user story's description, and where its severity sits in the PRD's Critical Issue
 * Thresholds) and how to fix a finding of its kind.
 */
final class Descriptions {

    private static final Properties STORIES = load();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Descriptions() {}

    static String of(UserStory story, Criterion criterion, String id, String text) {
        return CACHE.computeIfAbsent(id, k -> {
            String why = STORIES.getProperty(story.id(), story.id().startsWith("FR") || story.id().startsWith("SM")
                    ? "A " + (story.id().startsWith("FR") ? "functional requirement" : "success metric") + " of the PRD (" + story.title()
                    + "): the audit is done when it holds." : story.title() + ".");
            return "**" + id + "** " + text + "\n\n"
                    + "**Why it matters:** " + (criterion.why().isEmpty() ? why : criterion.why()) + "\n\n"
                    + "**Severity:** " + criterion.severity().label() + ". "
                    + (criterion.severityReason().isEmpty() ? threshold(criterion.severity()) : criterion.severityReason()) + "\n\n"
                    + "**How to fix a finding:** " + (criterion.fix().isEmpty() ? FindingKind.of(story).howToFix() : criterion.fix());
        });
    }

    /** Where a severity sits in the PRD's Critical Issue Thresholds. */
    static String threshold(Severity s) {
        return switch (s) {
            case BLOCKER, CRITICAL -> "The PRD says stop and fix immediately: compilation failures, CRUD operation failures, "
                    + "data loss, security vulnerabilities and breaking changes vs v2.1.18.";
            case NORMAL -> "Not on the PRD's stop-and-fix list: documented, and the audit continues (missing test coverage "
                    + "is this severity).";
            case MINOR -> "The PRD says document and continue: documentation gaps and description improvements.";
            case TRIVIAL -> "The PRD says document and continue: an enhancement opportunity.";
        };
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Descriptions.class.getResourceAsStream("prd-stories.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
