package io.tfaudit.criteria.documentation;

import io.tfaudit.provider.ProviderModel;
import io.tfaudit.provider.files.DocPage;
import java.util.List;
import java.util.Optional;

/**
 * Where a resource's documentation page is: {@code docs/resources/<name>.md} as tfplugindocs
 * writes it (the type name without the provider's prefix), or {@code docs/resources/<type>.md}
 * as the PRD names it; data sources under {@code docs/data-sources/}.
 */
public final class DocPages {

    private DocPages() {}

    /** {@code streamkap_source_mysql} → {@code source_mysql}. */
    public static String localName(ProviderModel model, String typeName) {
        String prefix = model.providerTypeName() == null ? null : model.providerTypeName() + "_";
        return prefix != null && typeName.startsWith(prefix) ? typeName.substring(prefix.length()) : typeName;
    }

    public static List<String> candidates(ProviderModel model, String typeName, boolean dataSource) {
        String dir = dataSource ? "docs/data-sources/" : "docs/resources/";
        String local = localName(model, typeName);
        return local.equals(typeName) ? List.of(dir + typeName + ".md") : List.of(dir + local + ".md", dir + typeName + ".md");
    }

    public static Optional<DocPage> page(ProviderModel model, String typeName, boolean dataSource) {
        for (String path : candidates(model, typeName, dataSource)) {
            Optional<DocPage> p = model.files().doc(path);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** The frontmatter value as text, or empty when absent or blank. */
    public static Optional<String> frontmatter(DocPage page, String key) {
        Object v = page.frontmatter().get(key);
        return v == null || String.valueOf(v).isBlank() ? Optional.empty() : Optional.of(String.valueOf(v).strip());
    }
}
