package io.tfaudit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.tfaudit.go.ast.Pos;
import org.apiguardian.api.API;

/**
 * A criterion's findings, collected before anything is reported: each is one defect, at its
 * place ({@code file:line}), saying what was expected and what was found. {@link #verify()}
 * fails the criterion once, with all of them; the report, the gate and the machine outputs
 * count each defect once, whichever criteria meet it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Findings {

    /** A finding at a place in the provider's Go code. */
    Findings add(Pos where, String what);

    /** A finding at {@code file:line}, or at a file or resource name where there is no line. */
    Findings add(String where, String what);

    boolean isEmpty();

    /** Fails the criterion with every finding added; passes when there is none. */
    void verify();
}
