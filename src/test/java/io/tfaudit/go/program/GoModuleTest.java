package io.tfaudit.go.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfaudit.go.ast.GoFile;
import io.tfaudit.go.load.GoSourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoModuleTest {

    @TempDir
    static Path dir;
    static GoModule module;
    static GoFile main;

    @BeforeAll
    static void writeModule() throws IOException {
        Files.writeString(dir.resolve("go.mod"), "module example.com/shop\n\ngo 1.19\n");
        Files.createDirectories(dir.resolve("internal/cart"));
        Files.writeString(dir.resolve("internal/cart/cart.go"), "package basket\n\nfunc Total() int { return 0 }\n");
        Files.writeString(dir.resolve("main.go"), """
                package main

                import (
                \t"fmt"
                \t"example.com/shop/internal/cart"
                \tyaml "gopkg.in/yaml.v3"
                \t"github.com/acme/widgets/v2"
                \t"github.com/acme/fmt"
                )

                func main() { fmt.Println(basket.Total(), yaml.Marshal, widgets.New) }
                """);
        module = GoModule.of(GoSourceTree.load(dir));
        main = module.tree().files().stream().filter(f -> f.path().equals("main.go")).findFirst().orElseThrow();
    }

    @Test
    void aPackageOfTheModuleIsKnownByTheNameItDeclaresNotItsDirectory() {
        assertThat(module.resolveImport(main, "basket")).hasValue("example.com/shop/internal/cart");
        assertThat(module.resolveImport(main, "cart")).isEmpty();
    }

    @Test
    void anAliasNamesItsImport() {
        assertThat(module.resolveImport(main, "yaml")).hasValue("gopkg.in/yaml.v3");
    }

    @Test
    void aMajorVersionSuffixIsNotTheName() {
        assertThat(module.resolveImport(main, "widgets")).hasValue("github.com/acme/widgets/v2");
        assertThat(module.resolveImport(main, "v2")).isEmpty();
        assertThat(GoModule.lastElement("v3")).isEqualTo("v3");
        assertThat(GoModule.lastElement("example.com/a/v2/v10")).isEqualTo("v2");
    }

    @Test
    void whenTwoImportsClaimANameTheFirstWins() {
        assertThat(module.resolveImport(main, "fmt")).hasValue("fmt");
    }

    @Test
    void anUnknownNameResolvesToNothing() {
        assertThat(module.resolveImport(main, "os")).isEmpty();
    }
}
