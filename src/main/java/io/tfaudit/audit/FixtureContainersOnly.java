package io.tfaudit.audit;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;

/**
 * Writes Allure's files through another writer, except containers without fixtures. The report
 * reads a container for its set-up and tear-down steps only (it groups results by their
 * labels), and the audit's containers have none: one per criteria class, test factory and
 * resource, 3,615 files of nothing on the streamkap provider, each a file to create.
 */
public final class FixtureContainersOnly implements AllureResultsWriter {

    private final AllureResultsWriter files;

    public FixtureContainersOnly(AllureResultsWriter files) {
        this.files = files;
    }

    @Override
    public void write(TestResult result) {
        files.write(result);
    }

    @Override
    public void write(TestResultContainer container) {
        if (!container.getBefores().isEmpty() || !container.getAfters().isEmpty()) {
            files.write(container);
        }
    }

    @Override
    public void write(String source, InputStream attachment) {
        files.write(source, attachment);
    }
}
