package io.tfaudit.provider.files;

import java.util.List;
import java.util.Map;

/**
 * A markdown page: its YAML frontmatter (empty when there is none), its headings in order
 * and its text. {@code problem} is set when the frontmatter is not valid YAML.
 */
public record DocPage(String path, Map<String, Object> frontmatter, List<String> headings, String text,
                      FileProblem problem) {

    public boolean hasHeading(String title) {
        return headings.stream().anyMatch(h -> h.equalsIgnoreCase(title));
    }
}
