package io.tfaudit.audit;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.util.PropertiesUtils;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the Allure results of a Maven or IDE run redacted like the command line's: Allure's
 * JUnit Platform listener takes {@link Allure#getLifecycle()} when the Launcher creates it,
 * and JUnit creates a session's listeners (this one, registered in
 * {@code META-INF/services}) before its Launcher. So this listener installs, on creation, a
 * lifecycle writing through {@link RedactingResultsWriter} into Allure's usual folder
 * ({@code allure.results.directory}), unless a redacting lifecycle is already installed (the
 * command line installs its own).
 */
public final class RedactedAllureResults implements LauncherSessionListener {

    private static volatile AllureLifecycle installed;

    public RedactedAllureResults() {
        if (installed == null || Allure.getLifecycle() != installed) {
            install(writer(Path.of(
                    PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"))));
        }
    }

    /** Writes the audit's results into {@code directory}: redacted, and only the files the report reads. */
    public static AllureResultsWriter writer(Path directory) {
        return new FixtureContainersOnly(new RedactingResultsWriter(new FileSystemResultsWriter(directory)));
    }

    /**
     * Makes {@code writer} the writer of Allure's current lifecycle, and returns that lifecycle.
     * The writer redacts: a {@link RedactingResultsWriter}, or one that writes through one.
     */
    public static synchronized AllureLifecycle install(AllureResultsWriter writer) {
        AllureLifecycle lifecycle = new AllureLifecycle(writer);
        Allure.setLifecycle(lifecycle);
        installed = lifecycle;
        return lifecycle;
    }
}
