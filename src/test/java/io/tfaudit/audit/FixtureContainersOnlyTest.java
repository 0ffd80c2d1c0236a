package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureContainersOnlyTest {

    @Test
    void aContainerIsWrittenOnlyWithFixturesResultsAndAttachmentsAlways(@TempDir Path dir) throws IOException {
        FixtureContainersOnly writer = new FixtureContainersOnly(new FileSystemResultsWriter(dir));

        writer.write(new TestResultContainer().setUuid("empty").setChildren(List.of("r")));
        writer.write(new TestResultContainer().setUuid("setup").setBefores(List.of(new FixtureResult().setName("before all"))));
        writer.write(new TestResultContainer().setUuid("teardown").setAfters(List.of(new FixtureResult().setName("after all"))));
        writer.write(new TestResult().setUuid("r").setName("a criterion"));
        writer.write("a-attachment.txt", new ByteArrayInputStream("evidence".getBytes()));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "setup-container.json", "teardown-container.json", "r-result.json", "a-attachment.txt");
        }
    }
}
