package io.tfaudit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The sample provider shipped inside tfaudit (resources under {@code sample-provider/}): the
 * audit's target when no provider path is given. Copied once per JVM to a temporary
 * folder, from the jar or from the class folder, whichever tfaudit runs from.
 */
public final class SampleProvider {

    static final String RESOURCE_ROOT = "sample-provider";
    private static Path extracted;

    private SampleProvider() {}

    public static synchronized Path directory() {
        if (extracted == null) {
            try {
                Path target = Files.createTempDirectory("tfaudit-sample-provider");
                // Gone when the JVM ends, as every temporary file of a run.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target), "tfaudit-sample-cleanup"));
                copyTo(target);
                extracted = target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the embedded sample provider", e);
            }
        }
        return extracted;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: nothing to report to
        }
    }

    private static void copyTo(Path target) throws IOException {
        URL marker = SampleProvider.class.getClassLoader().getResource(RESOURCE_ROOT + "/go.mod");
        if (marker == null) {
            throw new IOException("the sample provider is not on the class path (" + RESOURCE_ROOT + "/go.mod)");
        }
        try {
            if ("jar".equals(marker.getProtocol())) {
                String jarPath = marker.getPath().substring("file:".length(), marker.getPath().indexOf("!/"));
                try (ZipFile jar = new ZipFile(Path.of(new java.net.URI("file:" + jarPath)).toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry e = entries.nextElement();
                        if (!e.isDirectory() && e.getName().startsWith(RESOURCE_ROOT + "/")) {
                            Path out = target.resolve(e.getName().substring(RESOURCE_ROOT.length() + 1)).normalize();
                            if (!out.startsWith(target)) {
                                continue;
                            }
                            Files.createDirectories(out.getParent());
                            try (InputStream in = jar.getInputStream(e)) {
                                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
            } else {
                Path source = Path.of(marker.toURI()).getParent();
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Path out = target.resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(out);
                        } else {
                            Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
