package io.tfaudit.go.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.load.GoSourceTree;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go as it runs before {@code main}: packages initialised after what they import, package
 * variables before init functions, and what those write into package variables kept; with
 * the value rules that registries need (nil comparisons, methods of named slices, sized
 * {@code make}, comma-ok lookups).
 */
class PackageInitialisationTest {

    @TempDir
    Path dir;

    private void write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private GoModule module() {
        return GoModule.of(GoSourceTree.load(dir));
    }

    @Test
    void importedPackagesFirstThenVariablesThenInitFunctionsInFileOrder() throws IOException {
        write("go.mod", "module example.com/m\n");
        write("log/log.go", """
                package log

                var Lines []string

                func Add(s string) { Lines = append(Lines, s) }
                """);
        write("b/b.go", """
                package b

                import "example.com/m/log"

                var _ = record("b var")

                func record(s string) bool { log.Add(s); return true }

                func init() { log.Add("b init") }
                """);
        write("a/z.go", """
                package a

                import "example.com/m/log"

                func init() { log.Add("a init in z.go") }
                """);
        write("a/a.go", """
                package a

                import (
                \t"example.com/m/log"
                \t_ "example.com/m/b"
                )

                var first = note("a var")

                func note(s string) string { log.Add(s); return s }

                func init() { log.Add("a init in a.go") }
                """);
        write("main.go", """
                package main

                import _ "example.com/m/a"

                func init() { log.Add("never: main does not import log") }

                func main() {}
                """);
        GoModule m = module();
        Evaluator ev = new Evaluator(m);
        Set<GoPackage> done = new HashSet<>();
        assertThat(ev.initialise(List.of(m.packageAt("example.com/m").orElseThrow()), done)).isEmpty();
        Value lines = ev.packageValue(m.packageAt("example.com/m/log").orElseThrow(), "Lines");
        assertThat(((Value.ListValue) lines).elements()).extracting(v -> ((Value.Str) v).value())
                .containsExactly("b var", "b init", "a var", "a init in a.go", "a init in z.go");
        assertThat(done).extracting(GoPackage::importPath)
                .containsExactlyInAnyOrder("example.com/m", "example.com/m/a", "example.com/m/b", "example.com/m/log");
    }

    @Test
    void registriesMadeOnFirstUseMethodsOfNamedSlicesAndSizedMakes() throws IOException {
        write("go.mod", "module example.com/m\n");
        write("main.go", """
                package main

                type Options []string

                func (o Options) With(s string) Options { return append(o, s) }

                var registry map[string]int

                func add(name string, n int) {
                \tif registry == nil {
                \t\tregistry = make(map[string]int)
                \t}
                \tif _, taken := registry[name]; taken {
                \t\treturn
                \t}
                \tregistry[name] = n
                }

                func init() {
                \tadd("a", 1)
                \tadd("b", 2)
                \tadd("a", 3)
                }

                var built = func() Options {
                \tvar o Options
                \treturn o.With("x").With("y")
                }()

                var sized = func() []string {
                \tout := make([]string, 2)
                \tout[1] = "second"
                \treturn out
                }()

                var nilChecks = []bool{registry == nil, add == nil, nil == nil}
                """);
        GoModule m = module();
        GoPackage main = m.packageAt("example.com/m").orElseThrow();
        Evaluator ev = new Evaluator(m);
        assertThat(ev.initialise(List.of(main), new HashSet<>())).isEmpty();
        Value.MapValue registry = (Value.MapValue) ev.packageValue(main, "registry");
        assertThat(registry.entries()).containsOnlyKeys("a", "b");
        assertThat(((Value.Int) registry.entries().get("a")).value()).as("the comma-ok check kept the first").isEqualTo(BigInteger.ONE);
        assertThat(((Value.ListValue) ev.packageValue(main, "built")).elements()).extracting(v -> ((Value.Str) v).value())
                .containsExactly("x", "y");
        assertThat(((Value.ListValue) ev.packageValue(main, "sized")).elements()).extracting(v -> ((Value.Str) v).value())
                .containsExactly("", "second");
        assertThat(((Value.ListValue) ev.packageValue(main, "nilChecks")).elements()).extracting(v -> ((Value.Bool) v).value())
                .as("variables initialise before init functions run").containsExactly(true, false, true);
    }

    @Test
    void packagesInAnImportCycleAreSaidNotToBeInitialised() throws IOException {
        write("go.mod", "module example.com/m\n");
        write("a/a.go", "package a\n\nimport _ \"example.com/m/b\"\n\nfunc init() {}\n");
        write("b/b.go", "package b\n\nimport _ \"example.com/m/a\"\n\nfunc init() {}\n");
        write("main.go", "package main\n\nimport _ \"example.com/m/a\"\n\nfunc main() {}\n");
        GoModule m = module();
        Set<GoPackage> done = new HashSet<>();
        List<Value.Unknown> problems = new Evaluator(m).initialise(List.of(m.packageAt("example.com/m").orElseThrow()), done);
        assertThat(problems).extracting(Value.Unknown::why).containsExactly(
                "packages in an import cycle (not valid Go) are not initialised: example.com/m, example.com/m/a, example.com/m/b");
        assertThat(done).isEmpty();
    }

    @Test
    void anInitFunctionThatRunsOutOfBudgetIsReportedWithItsPlace() throws IOException {
        write("go.mod", "module example.com/m\n");
        write("main.go", """
                package main

                var n int

                func init() {
                \tfor i := range 100000 {
                \t\tn = i
                \t}
                }
                """);
        GoModule m = module();
        Evaluator ev = new Evaluator(m, 10_000);
        List<Value.Unknown> problems = ev.initialise(List.of(m.packageAt("example.com/m").orElseThrow()), new HashSet<>());
        assertThat(problems).singleElement().satisfies(u -> {
            assertThat(u.why()).contains("init function of example.com/m not followed to its end").contains("step budget (10000) exhausted");
            assertThat(u.origin().fileAndLine()).isEqualTo("main.go:5");
        });
    }
}
