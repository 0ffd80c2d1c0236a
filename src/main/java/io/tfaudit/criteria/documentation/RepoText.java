package io.tfaudit.criteria.documentation;

import io.tfaudit.go.program.GoModule;
import io.tfaudit.provider.ProviderModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audited checkout's files as text, through the provider model's own source (a directory
 * or a git revision): what the file readers do not keep, such as the comments of an example,
 * {@code import.sh}, {@code go.mod} or {@code GNUmakefile}. The listing is taken once per model.
 */
public final class RepoText {

    private static final Map<GoModule, List<String>> LISTINGS = new ConcurrentHashMap<>();

    private RepoText() {}

    /** Every file of the checkout, sorted, relative with '/'. */
    public static List<String> paths(ProviderModel model) {
        return LISTINGS.computeIfAbsent(model.module(), m -> List.copyOf(m.tree().source().list().paths()));
    }

    public static boolean exists(ProviderModel model, String path) {
        return paths(model).contains(path);
    }

    /** Whether some file is under this folder ({@code examples/resources/x}). */
    public static boolean isDirectory(ProviderModel model, String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return paths(model).stream().anyMatch(p -> p.startsWith(prefix));
    }

    /** The files directly or indirectly under this folder. */
    public static List<String> under(ProviderModel model, String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return paths(model).stream().filter(p -> p.startsWith(prefix)).toList();
    }

    /** The file's text (UTF-8, a leading BOM dropped), or empty when there is no such file. */
    public static Optional<String> read(ProviderModel model, String path) {
        if (!exists(model, path)) {
            return Optional.empty();
        }
        try {
            String s = new String(model.module().tree().source().read(path), StandardCharsets.UTF_8);
            return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The 1-based line of a character offset. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
