package io.tfaudit.criteria.documentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic versions as changelogs and tags write them ({@code 3.0.0-beta.24}, {@code v2.1.18}). */
public final class Versions {

    public static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    /** Orders versions as SemVer does: numbers, then a release after its pre-releases. */
    public static final Comparator<String> ORDER = Versions::compare;

    private Versions() {}

    public static boolean isVersion(String s) {
        return SEMVER.matcher(s).matches();
    }

    public static int compare(String a, String b) {
        Matcher x = SEMVER.matcher(a);
        Matcher y = SEMVER.matcher(b);
        if (!x.matches() || !y.matches()) {
            return a.compareTo(b);
        }
        for (int i = 1; i <= 3; i++) {
            int c = Long.compare(Long.parseLong(x.group(i)), Long.parseLong(y.group(i)));
            if (c != 0) {
                return c;
            }
        }
        String pa = x.group(4);
        String pb = y.group(4);
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : 1) : -1;
        }
        String[] sa = pa.split("\\.");
        String[] sb = pb.split("\\.");
        for (int i = 0; i < Math.min(sa.length, sb.length); i++) {
            boolean na = sa[i].matches("\\d+");
            boolean nb = sb[i].matches("\\d+");
            int c = na && nb ? Long.compare(Long.parseLong(sa[i]), Long.parseLong(sb[i]))
                    : na ? -1 : nb ? 1 : sa[i].compareTo(sb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(sa.length, sb.length);
    }

    /** {@code v2.1.18} → {@code 2.1.18}. */
    public static String strip(String v) {
        return v.startsWith("v") ? v.substring(1) : v;
    }

    /** The version tags of the git repository at {@code dir}, or empty when it is not one. */
    public static Optional<List<String>> gitTags(Path dir) {
        if (dir == null) {
            return Optional.empty();
        }
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
            List<String> out = new ArrayList<>();
            for (org.eclipse.jgit.lib.Ref ref : git.tagList().call()) {
                String name = org.eclipse.jgit.lib.Repository.shortenRefName(ref.getName());
                if (isVersion(name)) {
                    out.add(name);
                }
            }
            return Optional.of(out);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
