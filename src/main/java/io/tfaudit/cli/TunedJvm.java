package io.tfaudit.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The audit is a short run that keeps both cores of a small machine busy: HotSpot's optimising
 * compiler (C2) spends about as much CPU compiling as the audit spends auditing (8.9 of 17 CPU
 * seconds on the streamkap provider), and it rarely earns that back before the audit ends. So
 * {@code audit} restarts itself once, with its arguments and the JVM options it was given, in
 * a JVM that compiles with C1 only and collects with the serial collector: a third less wall
 * time on providers of up to a few hundred resources (docs/BENCHMARKS.md). {@code parse} does the
 * same, a cold parse of a large tree being such a run too, with a young generation sized for it.
 *
 * <p>It does not when the user chose a compiler or a collector themselves, when a debugger is
 * attached, or with {@code -Dtfaudit.tunedJvm=false}.
 */
final class TunedJvm {

    /** {@code -Dtfaudit.tunedJvm=false} keeps the audit in the JVM it was started in. */
    static final String SWITCH = "tfaudit.tunedJvm";
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** The commands that read a whole provider restart themselves in the tuned JVM. */
    static final Set<String> COMMANDS = Set.of("audit", "parse", "schema", "align");

    /** The process id of the JVM that relaunched this one: when it is gone, so is this one. */
    static final String PARENT = "tfaudit.parentPid";

    private TunedJvm() {}

    /**
     * In a relaunched JVM, ends it when the JVM that started it is gone: a CI timeout that
     * kills the parent with SIGKILL leaves it no chance to stop its child, and the child, busy,
     * would run on unseen.
     */
    static void endWithParent(String parentPid) {
        if (parentPid == null || !parentPid.matches("[0-9]+")) {
            return;
        }
        watch(Long.parseLong(parentPid), () -> {
            System.err.println("tfaudit: the process that started this audit is gone; stopping");
            Runtime.getRuntime().halt(Main.INTERNAL_ERROR);
        });
    }

    /** Runs {@code whenGone} (once) on a daemon thread as soon as the process is no longer alive. */
    static void watch(long pid, Runnable whenGone) {
        Thread watcher = new Thread(() -> {
            try {
                while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    Thread.sleep(500);
                }
                whenGone.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tfaudit-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Whether {@code args} run an audit or a parse in a JVM that neither the user nor a relaunch has tuned. */
    static boolean wanted(String[] args, List<String> jvmArguments, UnaryOperator<String> systemProperty) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || "false".equals(systemProperty.apply(SWITCH))) {
            return false;
        }
        return jvmArguments.stream().noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel") || a.equals("-XX:-TieredCompilation")
                || a.matches("-XX:\\+Use\\w*GC") || a.startsWith("-agentlib:jdwp") || a.startsWith("-Xdebug"));
    }

    /** The command that runs {@code mainClass} with {@code args} again in a tuned JVM. */
    static List<String> command(Path javaHome, String classPath, List<String> jvmArguments, String mainClass, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(OPTIONS);
        long young = parseYoungGeneration(Runtime.getRuntime().maxMemory());
        if (args.length > 0 && args[0].equals("parse") && young >= 16L << 20
                && jvmArguments.stream().noneMatch(TunedJvm::sizesTheYoungGeneration)) {
            command.add("-Xmn" + (young >> 20) + "m");
        }
        command.addAll(classArchiveOptions(classPath, jvmArguments, System.getProperty(WRITE_CLASS_ARCHIVE)));
        command.addAll(jvmArguments);
        command.add("-D" + SWITCH + "=false");
        command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** The exit code of a JVM that aborted (128 + SIGABRT), as on a fatal error. */
    static final int JVM_CRASHED = 134;

    /**
     * {@code -Dtfaudit.writeClassArchive=FILE}: the relaunched JVM writes the classes it loaded
     * into FILE when it ends (a dynamic CDS archive); the build does so for the jar it makes.
     */
    static final String WRITE_CLASS_ARCHIVE = "tfaudit.writeClassArchive";

    /**
     * The class archive beside a jar ({@code tfaudit.jsa} beside {@code tfaudit.jar}): the
     * classes an audit loads, already parsed, verified and laid out, and the lambdas it spins,
     * which the JVM maps instead of loading them from the jar (about a tenth of an audit of
     * develop, docs/BENCHMARKS.md). The build writes it for the jar it makes; the JVM checks that
     * it was written by the same JVM for the same jar (size and time), and ignores it, silently
     * here, when not. Not used when the user chose an archive or sharing themselves.
     */
    static List<String> classArchiveOptions(String classPath, List<String> jvmArguments, String writeTo) {
        if (jvmArguments.stream().anyMatch(a -> a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile")
                || a.startsWith("-XX:ArchiveClassesAtExit"))) {
            return List.of();
        }
        if (writeTo != null) {
            return List.of("-XX:ArchiveClassesAtExit=" + unfinished(Path.of(writeTo)));
        }
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return List.of();
        }
        Path jar = Path.of(classPath);
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        if (!java.nio.file.Files.isRegularFile(archive)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-Xlog:cds+dynamic=off");
    }

    /** Where an archive is written before it is complete: a JVM stopped while writing leaves no archive half-written. */
    static Path unfinished(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".unfinished");
    }

    /**
     * Moves the archive the relaunched JVM wrote to its place, once it is whole: the JVM has
     * ended, with exit code 0 (the build's run passes {@code --fail-on none}).
     */
    static void finishClassArchive(String writeTo, int exitCode) {
        if (writeTo == null) {
            return;
        }
        Path archive = Path.of(writeTo);
        try {
            // Only a run that ended as asked: a JVM that failed to write its archive ends otherwise.
            if (exitCode == Main.OK && java.nio.file.Files.size(unfinished(archive)) > 0) {
                java.nio.file.Files.move(unfinished(archive), archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                java.nio.file.Files.deleteIfExists(unfinished(archive));
            }
        } catch (IOException e) {
            System.err.println("tfaudit: no class archive written: " + e.getMessage());
        }
    }

    /**
     * The young generation of a {@code parse}: large enough that the files being parsed when it
     * fills up are few, so that a collection copies almost nothing ({@code parse} keeps no model:
     * everything else is garbage). With the collector's default, about 100 MB, each of the 26
     * collections of a parse of awscc copied the half-built trees of the files in hand, 1.8 s of
     * a 4.9 s parse (docs/BENCHMARKS.md). A third of the heap, at most 320 MB.
     */
    static long parseYoungGeneration(long maxHeap) {
        return Math.min(320L << 20, maxHeap / 3);
    }

    private static boolean sizesTheYoungGeneration(String jvmArgument) {
        return jvmArgument.startsWith("-Xmn") || jvmArgument.startsWith("-XX:NewSize") || jvmArgument.startsWith("-XX:MaxNewSize")
                || jvmArgument.startsWith("-XX:NewRatio");
    }

    /**
     * Runs {@code command} with this process's input and output, and returns its exit code. A
     * relaunched audit ends with the process that started it.
     */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the child
            }
        }
    }

    /**
     * The exit code of the audit run in a tuned JVM, or -1 when it should run here: not
     * wanted, or the JVM could not be started (then the audit runs untuned, as before).
     */
    static int relaunchIfWanted(String[] args) {
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String classPath = System.getProperty("java.class.path", "");
        // Without a class path (a custom launcher, an embedding), the child could not find Main.
        if (!wanted(args, jvmArguments, System::getProperty) || classPath.isBlank()) {
            return -1;
        }
        try {
            List<String> command = command(Path.of(System.getProperty("java.home")), classPath, jvmArguments,
                    Main.class.getName(), args);
            int exit = run(command);
            List<String> archive = classArchiveOptions(classPath, jvmArguments, System.getProperty(WRITE_CLASS_ARCHIVE));
            if (exit == JVM_CRASHED && archive.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="))) {
                // A damaged archive (one cut short) makes the JVM abort as it starts: once more without it.
                System.err.println("tfaudit: the JVM failed with the class archive beside the jar; running again without it "
                        + "(delete it, or rebuild: ./mvnw package)");
                command.removeAll(archive);
                exit = run(command);
            }
            finishClassArchive(System.getProperty(WRITE_CLASS_ARCHIVE), exit);
            return exit;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.BAD_USAGE;
        }
    }
}
