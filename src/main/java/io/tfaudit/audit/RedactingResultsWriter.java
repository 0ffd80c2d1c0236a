package io.tfaudit.audit;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Writes Allure's files through another writer, every text in them redacted ({@link Redaction}). */
public final class RedactingResultsWriter implements AllureResultsWriter {

    private final AllureResultsWriter files;

    public RedactingResultsWriter(AllureResultsWriter files) {
        this.files = files;
    }

    @Override
    public void write(TestResult result) {
        files.write(Redaction.result(result));
    }

    @Override
    public void write(TestResultContainer container) {
        files.write(Redaction.container(container));
    }

    @Override
    public void write(String source, InputStream attachment) {
        byte[] bytes;
        try (attachment) {
            bytes = attachment.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attachment " + source, e);
        }
        files.write(source, new ByteArrayInputStream(Redaction.attachment(bytes)));
    }
}
