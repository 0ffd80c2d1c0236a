package io.tfaudit.go.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.load.GoSourceTree;
import io.tfaudit.go.program.GoModule;
import io.tfaudit.go.program.GoPackage;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static evaluation of Go values: what it computes exactly, and what it says it cannot know. */
class EvaluatorTest {

    @TempDir
    Path dir;

    private Evaluator ev;
    private GoPackage main;

    @BeforeEach
    void module() throws IOException {
        Files.writeString(dir.resolve("go.mod"), "module example.com/m\n");
        Files.createDirectories(dir.resolve("names"));
        Files.writeString(dir.resolve("names/names.go"), """
                package names

                const Prefix = "acme_"

                const (
                \tA = "a"
                \tB
                )
                """);
        Files.writeString(dir.resolve("main.go"), """
                package main

                import (
                \t"fmt"
                \t"strings"

                \tn "example.com/m/names"
                )

                var greeting = fmt.Sprintf("%s-%d-%q", n.Prefix, 42, "x")

                var joined = strings.Join([]string{"a", "b", "c"}, ",")

                var repeated = n.B

                var counter = func() map[string]int {
                \tm := map[string]int{}
                \tfor i, k := range []string{"x", "y", "z"} {
                \t\tif k == "y" {
                \t\t\tcontinue
                \t\t}
                \t\tm[k] = i * 10
                \t}
                \treturn m
                }()

                var picked = pick("b")

                func pick(s string) string {
                \tswitch s {
                \tcase "a":
                \t\treturn "first"
                \tcase "b", "c":
                \t\treturn "later"
                \t}
                \treturn "none"
                }

                var closure = func() string {
                \tsuffix := "!"
                \tadd := func(s string) string { return s + suffix }
                \treturn add("hi")
                }()

                var forever = loop(1)

                func loop(n int) int { return loop(n + 1) }

                var runtimeOnly = readFromDisk()

                var shadow = func() (out string) {
                \tout = "named"
                \treturn
                }()
                """);
        GoModule module = GoModule.of(GoSourceTree.load(dir));
        ev = new Evaluator(module);
        main = module.packageAt("example.com/m").orElseThrow();
    }

    private Value value(String name) {
        return ev.packageValue(main, name);
    }

    @Test
    void constantsStringsAndFormatting() {
        assertThat(value("greeting")).isEqualTo(new Value.Str("acme_-42-\"x\"", value("greeting").origin()));
        assertThat(((Value.Str) value("joined")).value()).isEqualTo("a,b,c");
        assertThat(((Value.Str) value("repeated")).value()).as("implicit repetition in a const group").isEqualTo("a");
    }

    @Test
    void loopsBranchesSwitchesClosuresAndNamedResults() {
        Value.MapValue m = (Value.MapValue) value("counter");
        assertThat(m.entries()).containsOnlyKeys("x", "z");
        assertThat(((Value.Int) m.entries().get("z")).value()).isEqualTo(BigInteger.valueOf(20));
        assertThat(((Value.Str) value("picked")).value()).isEqualTo("later");
        assertThat(((Value.Str) value("closure")).value()).isEqualTo("hi!");
        assertThat(((Value.Str) value("shadow")).value()).isEqualTo("named");
    }

    @Test
    void whatCannotBeKnownSaysWhyAndWhere() {
        assertThat(value("forever")).isInstanceOfSatisfying(Value.Unknown.class,
                u -> assertThat(u.why()).contains("call depth"));
        assertThat(value("runtimeOnly")).isInstanceOfSatisfying(Value.Unknown.class, u -> {
            assertThat(u.why()).contains("readFromDisk");
            assertThat(u.origin().fileAndLine()).isEqualTo("main.go:49");
        });
        assertThat(ev.call(new Value.Nil(null), List.of(), null)).isInstanceOf(Value.Unknown.class);
    }
}
