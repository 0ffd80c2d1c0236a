package io.tfaudit.go.ast;

/** Any node of the Go model. Every node knows where it starts. */
public interface Node {
    Pos pos();
}
