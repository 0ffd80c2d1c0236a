package io.tfaudit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one redaction at the outputs: Allure's files, JUnit XML, the command line's printed lines. */
class RedactionTest {

    static final String KEY = "AKIAZ7QK3LMN4PQR5STU";
    static final String PASSWORD = "Pq7!vRz2kLw9";

    @TempDir
    Path dir;

    @Test
    void aResultsMessagesTracesStepsAndParametersAreRedacted() throws IOException {
        TestResult r = new TestResult().setName("US-001.1").setStatusDetails(new StatusDetails()
                        .setMessage("x.go:3:9: unexpected '" + KEY + "'").setTrace("password: " + PASSWORD))
                .setParameters(List.of(new Parameter().setName("p").setValue("token=" + PASSWORD)))
                .setSteps(List.of(new StepResult().setName("read " + KEY)))
                // an accepted-findings entry's key, read from the audited tree
                .setLabels(List.of(new io.qameta.allure.model.Label().setName("baselined").setValue("US-001.1|*|secret=" + PASSWORD)));
        Redaction.result(r);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r)).doesNotContain(KEY, PASSWORD).contains("AKIA…(20 chars)");
        assertThat(r.getName()).isEqualTo("US-001.1");
    }

    @Test
    void textAttachmentsAreRedactedAndBinaryOnesLeftAsTheyAre() {
        byte[] text = ("output: password=" + PASSWORD + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Redaction.attachment(text), StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        assertThat(Redaction.attachment(binary)).isEqualTo(binary);
    }

    @Test
    void junitXmlMessagesAndTracesAreRedacted() throws IOException {
        Path xml = dir.resolve("TEST-x.xml");
        Files.writeString(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuite><testcase name=\"a\">"
                + "<failure message=\"unexpected '" + KEY + "'\" type=\"AssertionError\"><![CDATA[password: " + PASSWORD
                + "]]></failure><system-out>token=" + PASSWORD + "</system-out></testcase></testsuite>");
        Redaction.junitXmlFiles(dir);
        String after = Files.readString(xml);
        assertThat(after).doesNotContain(KEY, PASSWORD).contains("<testcase name=\"a\">", "AKIA…(20 chars)");
    }

    @Test
    void junitXmlThatCannotBeRedactedIsRemovedAndSaidAndTheOthersAreRedacted() throws IOException {
        Path broken = dir.resolve("TEST-broken.xml");
        Files.writeString(broken, "<testsuite><failure message=\"" + KEY + "\">"); // cut off: not well-formed
        Path sound = dir.resolve("TEST-sound.xml");
        Files.writeString(sound, "<testsuite><testcase name=\"b\"><failure message=\"" + KEY + "\"/></testcase></testsuite>");

        List<String> removed = Redaction.junitXmlFiles(dir);

        assertThat(broken).doesNotExist();
        assertThat(removed).singleElement().asString().startsWith("TEST-broken.xml could not be checked for secrets and is removed")
                .doesNotContain(KEY);
        assertThat(Files.readString(sound)).doesNotContain(KEY).contains("AKIA…(20 chars)");
    }

    @Test
    void printedLinesAreRedactedWholeAndALastLineWithoutItsEndIsWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream lines = Redaction.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            lines.print("pass");
            lines.flush(); // half a line is held back, not written in two halves
            lines.println("word: " + PASSWORD);
            lines.print("key " + KEY);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain(KEY, PASSWORD).startsWith("password: Pq7…(12 chars)\n")
                .endsWith("key AKIA…(20 chars)");
    }
}
