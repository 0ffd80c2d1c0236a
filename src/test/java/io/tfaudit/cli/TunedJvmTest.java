package io.tfaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedJvmTest {

    private static final Map<String, String> NO_PROPERTIES = Map.of();

    @Test
    void anAuditInAJvmNobodyTunedIsRelaunched() {
        assertThat(TunedJvm.wanted(new String[] {"audit", "--provider", "p"}, List.of("-Xmx1g", "-Dx=y"), NO_PROPERTIES::get)).isTrue();
    }

    @Test
    void aParseOrSchemaExportIsRelaunchedToo() {
        assertThat(TunedJvm.wanted(new String[] {"parse", "dir"}, List.of(), NO_PROPERTIES::get)).isTrue();
        assertThat(TunedJvm.wanted(new String[] {"schema", "dir"}, List.of(), NO_PROPERTIES::get)).isTrue();
        assertThat(TunedJvm.wanted(new String[] {"parse", "dir"}, List.of("-XX:+UseG1GC"), NO_PROPERTIES::get)).isFalse();
    }

    @Test
    void otherCommandsStayWhereTheyAre() {
        assertThat(TunedJvm.wanted(new String[] {"baseline"}, List.of(), NO_PROPERTIES::get)).isFalse();
        assertThat(TunedJvm.wanted(new String[] {}, List.of(), NO_PROPERTIES::get)).isFalse();
    }

    @Test
    void theUsersOwnChoiceOfCompilerCollectorOrDebuggerIsKept() {
        for (String chosen : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-XX:+UseG1GC", "-XX:+UseParallelGC",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n")) {
            assertThat(TunedJvm.wanted(new String[] {"audit"}, List.of("-Xmx1g", chosen), NO_PROPERTIES::get)).as(chosen).isFalse();
        }
    }

    @Test
    void theSwitchTurnsItOff() {
        assertThat(TunedJvm.wanted(new String[] {"audit"}, List.of(), Map.of(TunedJvm.SWITCH, "false")::get)).isFalse();
    }

    @Test
    void theRelaunchKeepsTheUsersOptionsAndArgumentsAndCannotRelaunchAgain() {
        List<String> command = TunedJvm.command(Path.of("/opt/jdk"), "tfaudit.jar", List.of("-Xmx1g", "-Dprovider.path=p"),
                "io.tfaudit.cli.Main", new String[] {"audit", "--fail-on", "none"});
        assertThat(command).containsExactly("/opt/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g",
                "-Dprovider.path=p", "-Dtfaudit.tunedJvm=false", "-Dtfaudit.parentPid=" + ProcessHandle.current().pid(), "-cp",
                "tfaudit.jar", "io.tfaudit.cli.Main", "audit", "--fail-on", "none");
        assertThat(TunedJvm.wanted(new String[] {"audit"}, command.subList(1, 6), Map.of(TunedJvm.SWITCH, "false")::get)).isFalse();
    }

    @Test
    void aParseRunsWithAYoungGenerationSizedForFilesInFlightUnlessTheUserSizedIt() {
        List<String> parse = TunedJvm.command(Path.of("/opt/jdk"), "tfaudit.jar", List.of("-Xmx1g"), "io.tfaudit.cli.Main",
                new String[] {"parse", "dir"});
        List<String> sized = TunedJvm.command(Path.of("/opt/jdk"), "tfaudit.jar", List.of("-Xmn64m"), "io.tfaudit.cli.Main",
                new String[] {"parse", "dir"});
        List<String> audit = TunedJvm.command(Path.of("/opt/jdk"), "tfaudit.jar", List.of(), "io.tfaudit.cli.Main",
                new String[] {"audit"});

        assertThat(parse).filteredOn(a -> a.startsWith("-Xmn")).hasSize(1);
        assertThat(sized).filteredOn(a -> a.startsWith("-Xmn")).containsExactly("-Xmn64m");
        assertThat(audit).noneMatch(a -> a.startsWith("-Xmn"));
        assertThat(TunedJvm.parseYoungGeneration(6L << 30)).isEqualTo(320L << 20);
        assertThat(TunedJvm.parseYoungGeneration(300L << 20)).isEqualTo(100L << 20);
    }

    @Test
    void theClassArchiveBesideTheJarIsUsedQuietlyUnlessTheUserChoseSharing(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("tfaudit.jar"), "a jar");
        assertThat(TunedJvm.classArchiveOptions(jar.toString(), List.of(), null)).isEmpty();

        Files.writeString(dir.resolve("tfaudit.jsa"), "an archive");

        assertThat(TunedJvm.classArchiveOptions(jar.toString(), List.of(), null)).containsExactly(
                "-XX:SharedArchiveFile=" + dir.resolve("tfaudit.jsa"), "-Xlog:cds*=off", "-Xlog:cds+dynamic=off");
        assertThat(TunedJvm.classArchiveOptions(jar.toString(), List.of("-Xshare:off"), null)).isEmpty();
        assertThat(TunedJvm.classArchiveOptions(jar + java.io.File.pathSeparator + "other.jar", List.of(), null)).isEmpty();
        assertThat(TunedJvm.classArchiveOptions(dir.toString(), List.of(), null)).isEmpty();
    }

    @Test
    void aClassArchiveIsWrittenAsideAndTakesItsPlaceOnlyWhenTheRunEndedNormally(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("tfaudit.jsa");
        assertThat(TunedJvm.classArchiveOptions("tfaudit.jar", List.of(), archive.toString()))
                .containsExactly("-XX:ArchiveClassesAtExit=" + dir.resolve("tfaudit.jsa.unfinished"));

        Files.writeString(TunedJvm.unfinished(archive), "killed while writing");
        TunedJvm.finishClassArchive(archive.toString(), 137);
        assertThat(dir).isEmptyDirectory();
        Files.writeString(TunedJvm.unfinished(archive), "ended with findings: not what the build asks");
        TunedJvm.finishClassArchive(archive.toString(), Main.FINDINGS);
        assertThat(dir).isEmptyDirectory();

        Files.writeString(TunedJvm.unfinished(archive), "whole");
        TunedJvm.finishClassArchive(archive.toString(), Main.OK);
        assertThat(archive).hasContent("whole");
        assertThat(TunedJvm.unfinished(archive)).doesNotExist();
    }

    @Test
    void theRelaunchedJvmRunsTunedAndItsExitCodeIsReturned(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("jvm-arguments.txt");
        List<String> command = TunedJvm.command(Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"),
                List.of("-Xmx64m"), ReportJvmArguments.class.getName(), new String[] {seen.toString(), "3"});

        int exit = TunedJvm.run(command);

        assertThat(exit).isEqualTo(3);
        assertThat(Files.readAllLines(seen)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Dtfaudit.tunedJvm=false");
    }

    /** The relaunched JVM ends when its parent is gone, even killed with SIGKILL and with the child busy. */
    @Test
    void theRelaunchedJvmEndsWhenItsParentIsGone() throws Exception {
        Process parent = new ProcessBuilder("sleep", "2").start(); // stands in for the parent JVM, killed by CI
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + TunedJvm.PARENT + "=" + parent.pid(), "-cp", System.getProperty("java.class.path"), BusyForever.class.getName())
                .redirectErrorStream(true).start();
        try {
            parent.destroyForcibly().waitFor();
            // A guard against a hang only: the child notices within a second.
            assertThat(child.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).as("the child ended").isTrue();
            assertThat(child.exitValue()).isEqualTo(Main.INTERNAL_ERROR);
            assertThat(new String(child.getInputStream().readAllBytes())).contains("the process that started this audit is gone");
        } finally {
            child.destroyForcibly();
        }
    }

    /** Stands in for a relaunched audit that never ends (reading /proc/kmsg). */
    public static final class BusyForever {
        public static void main(String[] args) throws Exception {
            TunedJvm.endWithParent(System.getProperty(TunedJvm.PARENT));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Stands in for {@link Main} in the relaunched JVM: writes its JVM options, exits with the code asked. */
    public static final class ReportJvmArguments {
        public static void main(String[] args) throws Exception {
            Files.write(Path.of(args[0]), ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.exit(Integer.parseInt(args[1]));
        }
    }
}
