package io.tfaudit.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Where a finding's {@code file:line} opens: the provider's repository on its host, at the
 * audited commit, when the checkout's {@code origin} is on GitHub, GitLab or Bitbucket; else
 * the relative path, which a reader opens in their own checkout.
 */
public final class CodeLinks {

    private static final Pattern REMOTE = Pattern.compile(
            "^(?:https?://(?:[^@/]+@)?|ssh://(?:[^@/]+@)?|[^@/]+@)(github\\.com|gitlab\\.com|bitbucket\\.org)[:/](.+?)(?:\\.git)?/?$");
    /** A file name ends in an extension; any character may come before it (a space, '#', a newline), ':' too. */
    private static final Pattern FILE_LINE = Pattern.compile("(?s)^(.*[^\\s.:/]\\.[A-Za-z0-9]+)(?::(\\d+))?$");

    /** {@code https://github.com/owner/repo/blob/COMMIT/} (host-specific), or null: relative paths. */
    private final String base;
    /** The same for folders: {@code https://github.com/owner/repo/tree/COMMIT/}. */
    private final String folderBase;
    private final String host;
    /** The files at the audited commit, when known: a link to a file that is not there opens its nearest folder. */
    private final java.util.Set<String> files;

    private CodeLinks(String host, String base, String folderBase, java.util.Set<String> files) {
        this.host = host;
        this.base = base;
        this.folderBase = folderBase;
        this.files = files;
    }

    /** Relative paths only. */
    static CodeLinks relative() {
        return new CodeLinks(null, null, null, null);
    }

    /** From the checkout's origin remote and HEAD commit, when it is a git checkout on a known host. */
    public static CodeLinks of(Path checkout) {
        if (!Files.isDirectory(checkout.resolve(".git"))) {
            return relative();
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(checkout.resolve(".git").toFile()).setMustExist(true).build()) {
            String url = repo.getConfig().getString("remote", "origin", "url");
            ObjectId head = repo.resolve("HEAD");
            CodeLinks links = forRemote(url, head == null ? null : head.getName());
            return links.base == null ? links : new CodeLinks(links.host, links.base, links.folderBase, filesAt(repo, head));
        } catch (IOException | RuntimeException unreadable) {
            return relative();
        }
    }

    /** For a remote URL and a commit: the host's file view at that commit, else relative paths. */
    static CodeLinks forRemote(String remoteUrl, String commit) {
        if (remoteUrl == null || commit == null) {
            return relative();
        }
        Matcher m = REMOTE.matcher(remoteUrl.strip());
        if (!m.matches()) {
            return relative();
        }
        String host = m.group(1);
        String repo = m.group(2);
        String base = switch (host) {
            case "gitlab.com" -> "https://gitlab.com/" + repo + "/-/blob/" + commit + "/";
            case "bitbucket.org" -> "https://bitbucket.org/" + repo + "/src/" + commit + "/";
            default -> "https://github.com/" + repo + "/blob/" + commit + "/";
        };
        String folderBase = switch (host) {
            case "gitlab.com" -> "https://gitlab.com/" + repo + "/-/tree/" + commit + "/";
            case "bitbucket.org" -> base;
            default -> "https://github.com/" + repo + "/tree/" + commit + "/";
        };
        return new CodeLinks(host, base, folderBase, null);
    }

    /** For a remote URL and a commit whose tree holds these files (each folder also listed, as {@code dir/}). */
    static CodeLinks forRemote(String remoteUrl, String commit, java.util.Set<String> files) {
        CodeLinks links = forRemote(remoteUrl, commit);
        return links.base == null ? links : new CodeLinks(links.host, links.base, links.folderBase, files);
    }

    private static java.util.Set<String> filesAt(Repository repo, ObjectId head) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo);
             org.eclipse.jgit.treewalk.TreeWalk tree = new org.eclipse.jgit.treewalk.TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(head).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                out.add(path);
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    out.add(path.substring(0, slash + 1));
                }
            }
        }
        return out;
    }

    /** The link of a finding's place ({@code internal/x.go:12}), when it names a file. */
    public Optional<String> of(String where) {
        Matcher m = FILE_LINE.matcher(where);
        if (!m.matches() || m.group(1).startsWith("/")) {
            return Optional.empty();
        }
        String path = m.group(1);
        String line = m.group(2);
        if (base == null) {
            return Optional.of(uri(path));
        }
        if (files != null && !files.contains(path)) {
            // Not at that commit (a file the audit expected): its nearest folder that is, not a 404.
            String folder = path;
            while (folder.contains("/")) {
                folder = folder.substring(0, folder.lastIndexOf('/'));
                if (files.contains(folder + "/")) {
                    return Optional.of(folderBase + uri(folder));
                }
            }
            return Optional.of(folderBase);
        }
        String anchor = line == null ? "" : "bitbucket.org".equals(host) ? "#lines-" + line : "#L" + line;
        return Optional.of(base + uri(path) + anchor);
    }

    /**
     * A relative path as a relative URI reference: every byte of its UTF-8 outside the
     * unreserved set and '/' percent-encoded, so that a space, '#', '%', ':', a quote or a
     * newline in a file name stays part of the path and the reference resolves to the file.
     */
    public static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
