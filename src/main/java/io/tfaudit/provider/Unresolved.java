package io.tfaudit.provider;

import io.tfaudit.go.ast.Pos;

/** Something the static reading could not resolve: what, and where (never a guess). */
public record Unresolved(String what, Pos pos) {
    @Override
    public String toString() {
        return (pos == null ? "?" : pos.fileAndLine()) + ": " + what;
    }
}
