package io.tfaudit.bench;

import io.tfaudit.go.load.GoSourceTree;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * What the Go model of a tree keeps alive: loads the directories as the audit does, then
 * prints the heap in use after a full collection and the top of the class histogram (the
 * same as {@code jcmd <pid> GC.class_histogram}), with the models still referenced.
 *
 * <pre>java -cp target/tfaudit.jar io.tfaudit.bench.ModelFootprint [-top N] DIR...</pre>
 */
public final class ModelFootprint {

    private ModelFootprint() {}

    public static void main(String[] args) throws Exception {
        int top = 25;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-top")) {
                top = Integer.parseInt(args[++i]);
            } else {
                dirs.add(Path.of(args[i]));
            }
        }
        List<GoSourceTree> trees = new ArrayList<>();
        long bytes = 0;
        int files = 0;
        for (Path d : dirs) {
            GoSourceTree t = GoSourceTree.load(d);
            trees.add(t);
            bytes += t.totalBytes();
            files += t.files().size();
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%d files, %.1f MB of source; live heap after a full GC: %.1f MB (%.1f bytes per source byte)%n",
                files, bytes / 1e6, used / 1e6, (double) used / bytes);
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(top + 3L).forEach(System.out::println);
        if (trees.isEmpty()) {
            System.out.println("(no directory given)");
        }
    }
}
