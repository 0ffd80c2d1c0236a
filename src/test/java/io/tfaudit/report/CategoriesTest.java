package io.tfaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The report's categories sort failures as the PRD's severity thresholds do (normal: missing
 * tests, minor: documentation gaps, blocker and critical together), plus breaking changes,
 * unparsable files and the reasons a result was skipped. Allure matches a message against each
 * category's regex as a whole.
 */
class CategoriesTest {

    private static List<String> categoriesOf(String status, String message) throws Exception {
        JsonNode all = new ObjectMapper().readTree(CategoriesTest.class.getResourceAsStream("/io/tfaudit/report/categories.json"));
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
    void failuresAreSortedBySeverityAndKind() throws Exception {
        assertThat(categoriesOf("failed", "[normal] 'Test 403 Forbidden error handling' was violated (1 time):\n  x_test.go:3: expected a test that serves 403"))
                .contains("Missing tests").doesNotContain("Documentation gaps", "Blocker and critical findings");
        assertThat(categoriesOf("failed", "[minor] 'No TODOs' was violated (1 time):\n  docs/a.md:3: found \"TODO\""))
                .contains("Documentation gaps").doesNotContain("Missing tests");
        assertThat(categoriesOf("failed", "[critical] 'No \"optional changed to required\" errors' was violated (1 time):\n"
                + "  internal/generated/a.go:9: a.b: optional changed to required"))
                .contains("Blocker and critical findings", "Breaking changes");
        assertThat(categoriesOf("failed", "[minor] 'Examples are syntactically valid Terraform' was violated (1 time):\n"
                + "  examples/a/basic.tf:9: not valid HCL: '=' without a value")).contains("Unparsable files", "Documentation gaps");
    }

    @Test
    void skipsSayWhy() throws Exception {
        assertThat(categoriesOf("skipped", "skipped: running the provider's Go tests needs consent (-Dexec=true). To run it: go test"))
                .contains("Skipped: tool, credential or consent missing");
        assertThat(categoriesOf("skipped", "skipped: not applicable: streamkap_x is neither in the inventory nor registered"))
                .contains("Not applicable");
        assertThat(categoriesOf("skipped", "baselined: 2 accepted finding(s):\n  a")).contains("Baselined");
    }
}
