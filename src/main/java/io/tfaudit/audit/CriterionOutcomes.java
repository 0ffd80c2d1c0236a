package io.tfaudit.audit;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.UserStory;
import io.tfaudit.api.Severity;
import io.tfaudit.api.Phase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * What each criterion concluded in this run, per dynamic test, recorded as the results are
 * reported. A requirement that restates a criterion reads its verdict here; when the
 * criterion has not run (a partial selection, one class from the IDE) it is evaluated once,
 * quietly, and recorded the same way.
 */
final class CriterionOutcomes {

    enum Status { PASSED, FAILED, SKIPPED }

    /**
     * One result: the resource part of a dynamic test's name (null for a plain test), the
     * status, the failure or skip message, the findings behind a failure, the severity it was
     * reported with.
     */
    record Result(String resource, Status status, String message, List<Findings.Finding> findings, Severity severity) {}

    /** A criterion's results as they arrive; complete when every expected test has one. */
    private static final class Recording {
        private List<String> expected;
        private final Map<String, Result> byName = new LinkedHashMap<>();
    }

    private final Map<String, Recording> byId = new ConcurrentHashMap<>();

    /** Whether the criterion was judged in this run (for that resource, when one is named). */
    boolean judged(String id, String resource) {
        Recording r = byId.get(id);
        if (r == null) {
            return false;
        }
        synchronized (r) {
            return r.byName.values().stream().anyMatch(x -> resource == null || x.resource() == null
                    || x.resource().equals(resource) || x.resource().startsWith(resource + " ("));
        }
    }

    /**
     * Whether a criterion of a user story outside {@code phase} failed in this run (Phase 11
     * judges the other phases' failures: with none left, its criteria have nothing to judge).
     */
    boolean storyFailedOutside(Phase phase) {
        Map<String, Phase> phases = storyPhases();
        for (Map.Entry<String, Recording> e : byId.entrySet()) {
            Phase p = phases.get(storyOf(e.getKey()));
            if (p == null || p == phase) {
                continue;
            }
            synchronized (e.getValue()) {
                if (e.getValue().byName.values().stream().anyMatch(r -> r.status() == Status.FAILED)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The phase of a criterion's user story ({@code US-032.6} → Phase 11); empty for a requirement or metric. */
    static Optional<Phase> phaseOf(String criterionId) {
        return Optional.ofNullable(storyPhases().get(storyOf(criterionId)));
    }

    private static String storyOf(String criterionId) {
        int dot = criterionId.indexOf('.');
        return dot < 0 ? criterionId : criterionId.substring(0, dot);
    }

    private static volatile Map<String, Phase> storyPhases;

    private static Map<String, Phase> storyPhases() {
        if (storyPhases == null) {
            Map<String, Phase> m = new java.util.HashMap<>();
            org.junit.platform.commons.support.ReflectionSupport.findAllClassesInPackage("io.tfaudit.criteria",
                            c -> c.isAnnotationPresent(UserStory.class) && c.getAnnotation(UserStory.class).id().startsWith("US-"), n -> true)
                    .forEach(c -> m.put(c.getAnnotation(UserStory.class).id(), c.getAnnotation(UserStory.class).phase()));
            storyPhases = Map.copyOf(m);
        }
        return storyPhases;
    }

    /** A test factory returned these dynamic tests: the criterion is complete once each has a result. */
    void expect(String id, List<String> names) {
        Recording r = new Recording();
        r.expected = List.copyOf(names);
        byId.put(id, r);
    }

    void record(String id, String testName, Result result) {
        Recording r = byId.computeIfAbsent(id, k -> new Recording());
        synchronized (r) {
            r.byName.put(testName, result);
        }
    }

    /** The criterion's results when all are in. */
    Optional<List<Result>> complete(String id) {
        Recording r = byId.get(id);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (r) {
            if (r.expected == null ? r.byName.isEmpty() : !r.byName.keySet().containsAll(r.expected)) {
                return Optional.empty();
            }
            List<String> order = r.expected == null ? List.copyOf(r.byName.keySet()) : r.expected;
            return Optional.of(order.stream().map(r.byName::get).toList());
        }
    }

    /** The results of one criterion, reading what was recorded or evaluating it now. */
    List<Result> of(Audit audit, Restated.Ref ref) {
        UserStory story = ref.story().getAnnotation(UserStory.class);
        Method method = criterionMethod(ref);
        Criterion criterion = method.getAnnotation(Criterion.class);
        String id = CriterionRun.idOf(story, criterion);
        Optional<List<Result>> known = complete(id);
        if (known.isPresent()) {
            return known.get();
        }
        CriterionRun run = new CriterionRun(audit, story, criterion, AuditExtension.text(method), true);
        Object returned;
        try {
            Object instance = instantiate(ref.story());
            method.setAccessible(true);
            Object[] args = Arrays.stream(method.getParameterTypes()).map(t -> t == Audit.class ? audit : run).toArray();
            returned = method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            Result r = result(null, e.getCause(), run);
            record(id, run.text(), r);
            return List.of(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot evaluate " + id + " (" + method + "): " + e, e);
        }
        if (method.getReturnType() == void.class) {
            Result r = new Result(null, Status.PASSED, "", List.of(), run.reportedSeverity());
            record(id, run.text(), r);
            return List.of(r);
        }
        List<DynamicTest> tests = new ArrayList<>();
        flatten(returned, tests);
        expect(id, tests.stream().map(DynamicNode::getDisplayName).toList());
        for (DynamicTest t : tests) {
            String resource = resourceOf(t.getDisplayName());
            Result r;
            try {
                t.getExecutable().execute();
                r = new Result(resource, Status.PASSED, "", List.of(), run.reportedSeverity());
            } catch (Throwable thrown) {
                r = result(resource, thrown, run);
            }
            record(id, t.getDisplayName(), r);
        }
        return complete(id).orElseThrow();
    }

    /** The result a thrown failure or abort stands for, with the findings it was built from. */
    static Result result(String resource, Throwable thrown, CriterionRun run) {
        if (thrown == null) {
            return new Result(resource, Status.PASSED, "", List.of(), run.reportedSeverity());
        }
        if (thrown instanceof TestAbortedException) {
            run.takeFindings();
            return new Result(resource, Status.SKIPPED, thrown.getMessage(), List.of(), run.reportedSeverity());
        }
        List<Findings.Finding> findings = run.takeFindings();
        String message = thrown instanceof FindingsFailure failure ? failure.detail()
                : thrown instanceof AssertionError ? String.valueOf(thrown.getMessage())
                : "the check broke: " + thrown;
        return new Result(resource, Status.FAILED, message, findings, run.reportedSeverity());
    }

    /** "criterion — streamkap_x (data source)" → "streamkap_x (data source)"; null for a plain test. */
    static String resourceOf(String displayName) {
        int sep = displayName.lastIndexOf(CriterionRun.RESOURCE_SEPARATOR);
        return sep < 0 ? null : displayName.substring(sep + CriterionRun.RESOURCE_SEPARATOR.length());
    }

    private static void flatten(Object returned, List<DynamicTest> into) {
        if (returned instanceof Stream<?> s) {
            s.forEach(n -> flatten(n, into));
        } else if (returned instanceof Collection<?> c) {
            c.forEach(n -> flatten(n, into));
        } else if (returned instanceof DynamicContainer c) {
            c.getChildren().forEach(n -> flatten(n, into));
        } else if (returned instanceof DynamicTest t) {
            into.add(t);
        } else {
            throw new IllegalStateException("a criterion returned " + returned + ", not dynamic tests");
        }
    }

    static Method criterionMethod(Restated.Ref ref) {
        return Arrays.stream(ref.story().getDeclaredMethods())
                .filter(m -> m.getAnnotation(Criterion.class) != null && m.getAnnotation(Criterion.class).value() == ref.checkbox())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ref.story().getSimpleName() + " has no checkbox " + ref.checkbox()));
    }

    private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    /** See {@link CriterionRun#failuresOfTheStories}. */
    List<AuditFailure> failuresOfTheStories(Audit audit, java.util.Set<Phase> except) {
        return resultsOfTheStories(audit, except, r -> r.status() == Status.FAILED);
    }

    /** See {@link CriterionRun#acceptedOfTheStories}. */
    List<AuditFailure> acceptedOfTheStories(Audit audit, java.util.Set<Phase> except) {
        return resultsOfTheStories(audit, except, r -> r.status() == Status.SKIPPED && r.message() != null
                && r.message().startsWith(Findings.BASELINED));
    }

    private List<AuditFailure> resultsOfTheStories(Audit audit, java.util.Set<Phase> except, java.util.function.Predicate<Result> which) {
        List<Class<?>> stories = new ArrayList<>(org.junit.platform.commons.support.ReflectionSupport.findAllClassesInPackage(
                "io.tfaudit.criteria", c -> c.isAnnotationPresent(UserStory.class)
                        && c.getAnnotation(UserStory.class).id().startsWith("US-")
                        && !except.contains(c.getAnnotation(UserStory.class).phase()), n -> true));
        stories.sort(java.util.Comparator.comparing((Class<?> c) -> PrdOrder.rank(c)).thenComparing(Class::getName));
        List<AuditFailure> out = new ArrayList<>();
        for (Class<?> story : stories) {
            UserStory us = story.getAnnotation(UserStory.class);
            List<Method> methods = Arrays.stream(story.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Criterion.class))
                    .sorted(java.util.Comparator.comparingInt(m -> m.getAnnotation(Criterion.class).value())).toList();
            for (Method m : methods) {
                Criterion c = m.getAnnotation(Criterion.class);
                String id = CriterionRun.idOf(us, c);
                for (Result r : of(audit, new Restated.Ref(story, c.value()))) {
                    if (which.test(r)) {
                        List<Findings.Finding> found = r.findings().isEmpty()
                                ? List.of(new Findings.Finding(r.resource() != null ? r.resource() : id, r.message()))
                                : r.findings();
                        out.add(new AuditFailure(id, us.id(), AuditExtension.text(m),
                                r.severity() != null ? r.severity() : c.severity(), r.resource(), found));
                    }
                }
            }
        }
        return out;
    }
}
