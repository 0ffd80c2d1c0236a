package io.tfaudit.go.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.load.GoSourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallGraphTest {

    @TempDir
    static Path dir;
    static CallGraph calls;
    static GoPackage shop;

    @BeforeAll
    static void writeModule() throws IOException {
        Files.writeString(dir.resolve("go.mod"), "module example.com/shop\n\ngo 1.19\n");
        Files.createDirectories(dir.resolve("limits"));
        Files.writeString(dir.resolve("limits/limits.go"), """
                package limits

                import "context"

                func Bounded(ctx context.Context) (context.Context, func()) { return context.WithTimeout(ctx, 5) }
                """);
        Files.writeString(dir.resolve("shop.go"), """
                package shop

                import (
                \t"context"
                \t"example.com/shop/limits"
                )

                type Cart struct{}

                func (c *Cart) Read(ctx context.Context) { c.load(ctx) }
                func (c *Cart) load(ctx context.Context) { ctx, cancel := limits.Bounded(ctx); defer cancel(); fetch(ctx) }
                func (c *Cart) Delete(ctx context.Context) { fetch(ctx) }
                func fetch(ctx context.Context) { retry(ctx) }
                func retry(ctx context.Context) { fetch(ctx) }
                """);
        GoModule module = GoModule.of(GoSourceTree.load(dir));
        calls = new CallGraph(module);
        shop = module.packageAt("example.com/shop").orElseThrow();
    }

    private static CallGraph.Fn method(String type, String name) {
        var m = shop.method(type, name).orElseThrow();
        return new CallGraph.Fn(shop, m.file(), m.decl());
    }

    @Test
    void aCallMadeThroughAMethodAndAnImportedFunctionIsReached() {
        assertThat(calls.reachesCallTo(method("Cart", "Read"), "WithTimeout")).isTrue();
    }

    @Test
    void aCallNoPathMakesIsNotReachedAndCyclesEnd() {
        assertThat(calls.reachesCallTo(method("Cart", "Delete"), "WithTimeout")).isFalse();
    }

    @Test
    void aFunctionsCalledNamesAreItsOwnCallsOnly() {
        assertThat(calls.calledNames(method("Cart", "load"))).containsExactlyInAnyOrder("Bounded", "cancel", "fetch");
    }
}
