package io.tfaudit.provider.files;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's non-Go files an audit reads, each parsed with what it is written in, and
 * every file that did not parse ({@link #problems()}), with its position.
 *
 * <p>{@code snapshotDirs} are the folders holding schema snapshots, found from the code that
 * reads them; {@code textFiles} are README, CHANGELOG and the top-level docs by path.
 */
public record ProviderFiles(
        List<HclFile> examples,
        List<DocPage> docs,
        List<String> snapshotDirs,
        List<Snapshot> snapshots,
        List<Cassette> cassettes,
        Map<String, JsonDocument> tfgenJson,
        List<EnvFile> envFiles,
        Map<String, String> textFiles,
        List<FileProblem> problems) {

    public Optional<DocPage> doc(String path) {
        return docs.stream().filter(d -> d.path().equals(path)).findFirst();
    }

    public Optional<String> text(String path) {
        return Optional.ofNullable(textFiles.get(path));
    }
}
