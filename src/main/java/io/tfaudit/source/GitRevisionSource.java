package io.tfaudit.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A git revision of a repository (a tag, branch or commit), read with JGit from the object
 * database: the work tree is never touched, so a baseline such as {@code v2.1.18} can be
 * compared with the checked-out code.
 */
public final class GitRevisionSource implements SourceFiles, AutoCloseable {

    private final Repository repository;
    private final String revision;
    private final String commit;
    private final Map<String, ObjectId> blobs = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final List<String> paths = new ArrayList<>();

    private GitRevisionSource(Repository repository, String revision, RevCommit commit) throws IOException {
        this.repository = repository;
        this.revision = revision;
        this.commit = commit.getName();
        try (TreeWalk walk = new TreeWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                if (walk.getFileMode(0).getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                    continue;
                }
                String p = walk.getPathString();
                if (p.startsWith("node_modules/") || p.contains("/node_modules/")) {
                    continue;
                }
                ObjectId id = walk.getObjectId(0);
                blobs.put(p, id);
                sizes.put(p, reader.getObjectSize(id, org.eclipse.jgit.lib.Constants.OBJ_BLOB));
                paths.add(p);
            }
        }
        paths.sort(null);
    }

    /**
     * Opens {@code revision} of the repository at {@code repositoryDir} (a work tree with a
     * .git folder, or a bare repository). Fails with a message naming what is missing.
     */
    public static GitRevisionSource open(Path repositoryDir, String revision) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = repositoryDir.resolve(".git");
        if (dotGit.toFile().exists()) {
            builder.findGitDir(repositoryDir.toFile());
        } else {
            builder.setGitDir(repositoryDir.toFile());
        }
        Repository repo;
        try {
            repo = builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(repositoryDir + " is not a git repository: " + e.getMessage(), e);
        }
        ObjectId id = repo.resolve(revision + "^{commit}");
        if (id == null) {
            repo.close();
            throw new IOException("no revision '" + revision + "' in the git repository at " + repositoryDir);
        }
        try (RevWalk rw = new RevWalk(repo)) {
            return new GitRevisionSource(repo, revision, rw.parseCommit(id));
        }
    }

    public String commit() {
        return commit;
    }

    @Override
    public String label() {
        return revision + " of " + repository.getDirectory();
    }

    @Override
    public Optional<Path> directory() {
        return Optional.empty();
    }

    @Override
    public Listing list() {
        return new Listing(List.copyOf(paths), Map.copyOf(sizes), List.of());
    }

    @Override
    public byte[] read(String path) throws IOException {
        ObjectId id = blobs.get(path);
        if (id == null) {
            throw new IOException("no file " + path + " at " + revision);
        }
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(id).getBytes();
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
