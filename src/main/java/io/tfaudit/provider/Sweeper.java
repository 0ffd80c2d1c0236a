package io.tfaudit.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

import io.tfaudit.go.ast.Pos;
import java.util.List;
import java.util.Set;

/**
 * A sweeper registered with {@code resource.AddTestSweepers}: its name, its function, the
 * sweepers it depends on, the string literals its code uses (where a name prefix such as
 * {@code tf-acc-test-} shows) and the names it calls (List…, Delete…, pagination).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Sweeper(String name, String function, Pos pos, List<String> dependencies, Set<String> strings,
                      Set<String> calledNames) {}
