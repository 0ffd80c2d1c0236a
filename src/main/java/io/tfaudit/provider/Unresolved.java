package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;

/** Something the static reading could not resolve: what, and where (never a guess). */
@API(status = EXPERIMENTAL, since = "0.1")
public record Unresolved(String what, Pos pos) {
    @Override
    public String toString() {
        return (pos == null ? "?" : pos.fileAndLine()) + ": " + what;
    }
}
