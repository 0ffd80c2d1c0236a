package io.tfaudit.provider.files;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

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
@API(status = EXPERIMENTAL, since = "0.1")
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
