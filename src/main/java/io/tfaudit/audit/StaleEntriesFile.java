package io.tfaudit.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Written into the results folder when the run ends: the accepted findings that matched
 * nothing although their criterion was judged. The gate reads it back, whichever way the
 * audit ran (the command line or Maven), and reports them as stale.
 */
public final class StaleEntriesFile implements ExtensionContext.Store.CloseableResource {

    /** Its name in the results folder. */
    public static final String NAME = "stale-accepted-findings.json";
    /** The configuration key (or system property) naming the results folder, as Allure's. */
    public static final String RESULTS_DIRECTORY = "allure.results.directory";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Audit audit;
    private final Path resultsDir;

    StaleEntriesFile(Audit audit, Path resultsDir) {
        this.audit = audit;
        this.resultsDir = resultsDir;
    }

    @Override
    public void close() {
        Path file = resultsDir.resolve(NAME);
        try {
            if (audit.acceptedFindings().entries().isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("file", Redaction.text(String.valueOf(audit.acceptedFindings().file())));
            var entries = root.putArray("stale");
            for (AcceptedFindings.Entry stale : audit.staleEntries()) {
                // The file is the team's, but it is read from the audited tree: what it holds is written out redacted.
                AcceptedFindings.Entry e = stale.redacted();
                entries.addObject().put("key", e.key()).put("description", e.describe()).put("criterion", e.criterion())
                        .put("finding", e.finding()).put("where", e.where()).put("title", e.title())
                        .put("resource", e.resource()).put("item", e.item()).put("reason", e.reason()).put("owner", e.owner())
                        .put("expires", e.expires() == null ? null : e.expires().toString());
            }
            Files.createDirectories(resultsDir);
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
