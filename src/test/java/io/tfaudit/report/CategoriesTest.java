package io.tfaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfaudit.audit.FindingKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's categories partition the results that are not passed: one category per kind of
 * finding (a failure's message starts {@code [severity] Kind: }), a catch-all for what no kind
 * claims, results not judged, and skips by their reason. Allure matches a message against each
 * category's regex as a whole.
 */
class CategoriesTest {

    @TempDir
    Path dir;

    private List<String> categoriesOf(String status, String message) throws Exception {
        ReportFiles.writeCategories(dir);
        JsonNode all = new ObjectMapper().readTree(dir.resolve("categories.json").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode c : all) {
            boolean statusMatches = false;
            for (JsonNode s : c.path("matchedStatuses")) {
                statusMatches |= s.asText().equals(status);
            }
            String regex = c.path("messageRegex").asText(null);
            if (statusMatches && (regex == null || Pattern.compile(regex).matcher(message).matches())) {
                out.add(c.path("name").asText());
            }
        }
        return out;
    }

    @Test
    void everyKindOfFindingIsOneCategoryAndNothingFallsInTwo() throws Exception {
        for (FindingKind k : FindingKind.values()) {
            String message = "[minor] " + k.label() + ": docs/a.md:3 found \"TODO\" (docs/a.md:3)";
            assertThat(categoriesOf("failed", message)).as(message)
                    .containsExactly(k == FindingKind.OTHER ? "Other failures" : k.label());
        }
        assertThat(categoriesOf("failed", "[critical] Breaking change: database: optional changed to required (a.go:9)"))
                .containsExactly("Breaking change");
        assertThat(categoriesOf("failed", "expected: <1> but was: <2>")).containsExactly("Other failures");
        assertThat(categoriesOf("failed", "[normal] Missing testsuite: x")).containsExactly("Other failures");
        assertThat(categoriesOf("broken", "java.lang.IllegalStateException: boom")).containsExactly("Not judged (broken)");
    }

    @Test
    void skipsFallInOneCategoryByTheirReason() throws Exception {
        assertThat(categoriesOf("skipped", "skipped: running the provider's Go tests needs consent (-Dexec=true). To run it: go test"))
                .containsExactly("Skipped: tool, credential or consent missing");
        assertThat(categoriesOf("skipped", "skipped: not applicable: streamkap_x is neither in the inventory nor registered"))
                .containsExactly("Skipped: not applicable");
        assertThat(categoriesOf("skipped", "baselined: 2 accepted finding(s):\n  a")).containsExactly("Skipped: baselined (accepted findings)");
    }
}
