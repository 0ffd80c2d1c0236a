package io.tfaudit.audit;

import io.tfaudit.api.Criterion;
import io.tfaudit.api.UserStory;
import io.tfaudit.api.Phase;
import io.qameta.allure.Allure;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Gives criteria their {@link CriterionRun} (and through it the shared {@link Audit}), and
 * labels every result for the report: epic = phase, feature = story, story = the checkbox
 * text, {@code criterion} = US-0NN.k, {@code resource} on per-resource tests, severity; the
 * history id comes from (criterion, resource), so a new resource does not shift the trend of
 * another. The same labels are published as JUnit report entries, which tests can read.
 */
public final class AuditExtension implements io.tfaudit.api.AuditEngine {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(AuditExtension.class);
    private static final java.util.regex.Pattern ABSOLUTE_PATH = java.util.regex.Pattern.compile("(?<=\\s)/[^\\s)]+");

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        return type == CriterionRun.class || type == io.tfaudit.api.CriterionRun.class || type == Audit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Audit audit = Audit.of(AuditConfig.resolve(c::getConfigurationParameter));
        if (!audit.namedInputProblems().isEmpty()) {
            // Every criterion says it: in Maven or an IDE there is no earlier place to stop.
            throw new org.junit.jupiter.api.extension.ParameterResolutionException("tfaudit cannot audit with what it was given: "
                    + String.join("; ", audit.namedInputProblems()));
        }
        if (p.getParameter().getType() == Audit.class) {
            return audit;
        }
        Method m = c.getRequiredTestMethod();
        CriterionRun run = new CriterionRun(audit, story(c), criterion(m), text(m));
        c.getStore(STORE).put(CriterionRun.class, run);
        String results = c.getConfigurationParameter(StaleEntriesFile.RESULTS_DIRECTORY)
                .orElse(System.getProperty(StaleEntriesFile.RESULTS_DIRECTORY));
        if (results != null) {
            // Closed, and so written, when the whole run ends.
            c.getRoot().getStore(STORE).getOrComputeIfAbsent("stale entries of " + System.identityHashCode(audit),
                    k -> new StaleEntriesFile(audit, java.nio.file.Path.of(results)), StaleEntriesFile.class);
        }
        return run;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext c) throws Throwable {
        label(c, c.getRequiredTestMethod(), null, null);
        proceedAndRecord(invocation, c, c.getRequiredTestMethod(), null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext c) throws Throwable {
        T returned = invocation.proceed();
        CriterionRun run = c.getStore(STORE).get(CriterionRun.class, CriterionRun.class);
        if (run == null || !(returned instanceof java.util.stream.Stream<?> stream)) {
            return returned;
        }
        // Listed now, so that a restating requirement knows when every result is in.
        java.util.List<org.junit.jupiter.api.DynamicNode> nodes = stream.map(n -> (org.junit.jupiter.api.DynamicNode) n).toList();
        run.audit().outcomes().expect(run.id(), nodes.stream().map(org.junit.jupiter.api.DynamicNode::getDisplayName).toList());
        return (T) nodes.stream();
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext call, ExtensionContext c)
            throws Throwable {
        String name = c.getDisplayName();
        int sep = name.lastIndexOf(CriterionRun.RESOURCE_SEPARATOR);
        String suffix = sep < 0 ? null : name.substring(sep + CriterionRun.RESOURCE_SEPARATOR.length());
        String resource = suffix == null ? null : resourceLabel(suffix);
        Optional<Method> factory = c.getParent().flatMap(ExtensionContext::getTestMethod);
        if (factory.isPresent()) {
            label(c, factory.get(), resource, suffix);
        }
        proceedAndRecord(invocation, c, factory.orElse(null), CriterionOutcomes.resourceOf(name));
    }

    /** Runs the test and records its verdict for requirements that restate the criterion. */
    private static void proceedAndRecord(Invocation<Void> invocation, ExtensionContext c, Method m, String resource)
            throws Throwable {
        CriterionRun run = c.getStore(STORE).get(CriterionRun.class, CriterionRun.class);
        Throwable thrown = null;
        try {
            invocation.proceed();
        } catch (Throwable t) {
            thrown = t;
        }
        if (run != null && m != null) {
            run.audit().outcomes().record(run.id(), c.getDisplayName(), CriterionOutcomes.result(resource, thrown, run));
        }
        if (thrown != null) {
            throw thrown;
        }
    }

    /**
     * @param suffix the dynamic test's name after the criterion: the resource and what it is
     *               compared with ({@code streamkap_x (vs v2.1.18 of /repo/.git)}), part of the
     *               history id so that two results of one resource keep two histories
     */
    private static void label(ExtensionContext c, Method m, String resource, String suffix) {
        UserStory story = story(c);
        Criterion criterion = criterion(m);
        String id = CriterionRun.idOf(story, criterion);
        String text = text(m);
        // Names sort as text in the report: ids padded so that the PRD's order is kept.
        String phase = story.phase().reportName();
        String feature = Phase.padded(story.id()) + ": " + story.title();
        String criterionName = Phase.padded(id) + " " + text;
        Allure.epic(phase);
        Allure.feature(feature);
        Allure.story(criterionName);
        Allure.label("criterion", id);
        Allure.label("severity", criterion.severity().label());
        if (resource != null) {
            Allure.label("resource", resource);
        }
        Allure.getLifecycle().updateTestCase(tc -> {
            tc.setName(criterionName + (suffix == null ? "" : CriterionRun.RESOURCE_SEPARATOR + suffix));
            // The criterion, not the Java method that checks it: what a reader's link or search names.
            tc.setFullName(Phase.padded(id) + (resource == null ? "" : " " + resource));
            // Suites, Packages and Timeline by the PRD's phases and stories, not by Java classes and threads.
            tc.getLabels().removeIf(l -> java.util.Set.of("parentSuite", "suite", "subSuite", "package", "thread", "testClass",
                    "testMethod").contains(l.getName()));
            tc.getLabels().add(new io.qameta.allure.model.Label().setName("parentSuite").setValue(phase));
            tc.getLabels().add(new io.qameta.allure.model.Label().setName("suite").setValue(feature));
            tc.getLabels().add(new io.qameta.allure.model.Label().setName("subSuite")
                    .setValue(resource != null ? resource : criterionName));
            tc.getLabels().add(new io.qameta.allure.model.Label().setName("package")
                    .setValue(Phase.padded(story.id()).toLowerCase(java.util.Locale.ROOT).replace('.', '-')));
            tc.getLabels().add(new io.qameta.allure.model.Label().setName("thread").setValue(feature));
            tc.setDescription(Descriptions.of(story, criterion, id, text));
        });
        // Absolute paths differ between machines; the trend must not.
        String historyId = sha256(id + "|" + (suffix == null ? "" : ABSOLUTE_PATH.matcher(suffix).replaceAll("<path>")));
        Allure.getLifecycle().updateTestCase(tc -> tc.setHistoryId(historyId));
        c.publishReportEntry(resource == null
                ? Map.of("criterion", id, "severity", criterion.severity().label())
                : Map.of("criterion", id, "severity", criterion.severity().label(), "resource", resource));
    }

    /** "streamkap_x (vs snapshot.json)" → "streamkap_x"; "streamkap_tag (data source)" → "data.streamkap_tag". */
    static String resourceLabel(String suffix) {
        int paren = suffix.indexOf(" (");
        if (paren < 0) {
            return suffix;
        }
        String name = suffix.substring(0, paren);
        return suffix.endsWith("(data source)") ? "data." + name : name;
    }

    private static UserStory story(ExtensionContext c) {
        // A dynamic test's own context has no class; its factory's has.
        Optional<ExtensionContext> withClass = Optional.of(c);
        while (withClass.isPresent() && withClass.get().getTestClass().isEmpty()) {
            withClass = withClass.get().getParent();
        }
        Class<?> type = withClass.orElseThrow(() -> new IllegalStateException("no test class for " + c.getUniqueId()))
                .getRequiredTestClass();
        UserStory s = type.getAnnotation(UserStory.class);
        if (s == null) {
            throw new IllegalStateException(type.getName() + " has no @UserStory");
        }
        return s;
    }

    private static Criterion criterion(Method m) {
        Criterion c = m.getAnnotation(Criterion.class);
        if (c == null) {
            throw new IllegalStateException(m + " has no @Criterion");
        }
        return c;
    }

    /** A criterion's text: its display name, the checkbox verbatim. */
    static String text(Method m) {
        DisplayName d = m.getAnnotation(DisplayName.class);
        return d != null ? d.value() : m.getName();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
