package com.example.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfaudit.api.CriterionRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Our criteria can fail: each fails on the audited provider broken for it, and passes on it as it is. */
class OurConventionsTest {

    private static final Path SOUND = Path.of(System.getProperty("provider.path"));
    private static final String WIDGET = "internal/provider/widget_resource.go";

    @TempDir
    Path temp;

    @Test
    void bothPassOnTheSoundProvider() {
        assertEquals(Status.SUCCESSFUL, run("everyResourceHasAnId", SOUND).getStatus());
        assertEquals(Status.SUCCESSFUL, run("attributeNamesDoNotStutter", SOUND).getStatus());
    }

    @Test
    void aResourceWithoutAnIdFails() throws IOException {
        Path broken = copyWith("\"id\": schema.StringAttribute{", "\"key\": schema.StringAttribute{");
        assertFailsSaying(run("everyResourceHasAnId", broken), "sound_widget: expected a computed id attribute, found none");
    }

    @Test
    void anAttributeRepeatingItsResourcesNameFails() throws IOException {
        Path broken = copyWith("\"colour\":", "\"widget_colour\":");
        assertFailsSaying(run("attributeNamesDoNotStutter", broken), "expected a name without \"widget_\", found widget_colour");
    }

    private static void assertFailsSaying(TestExecutionResult result, String expected) {
        assertEquals(Status.FAILED, result.getStatus());
        String message = result.getThrowable().map(Throwable::toString).orElse("");
        assertTrue(message.contains(expected), () -> "expected \"" + expected + "\" in: " + message);
    }

    /** The sound provider with the widget resource's first {@code old} replaced by {@code now}. */
    private Path copyWith(String old, String now) throws IOException {
        Path copy = temp.resolve("provider");
        try (Stream<Path> files = Files.walk(SOUND)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, copy.resolve(SOUND.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Path widget = copy.resolve(WIDGET);
        String text = Files.readString(widget);
        assertTrue(text.contains(old), WIDGET + " holds " + old);
        Files.writeString(widget, text.replaceFirst(java.util.regex.Pattern.quote(old), now));
        return copy;
    }

    /** Runs one of our criteria in process on a provider, as the audit would. */
    private static TestExecutionResult run(String method, Path provider) {
        List<Event> finished = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of("provider.path", provider.toString()))
                .selectors(DiscoverySelectors.selectMethod(OurConventions.class, method, CriterionRun.class.getName()))
                .execute().testEvents().finished().list();
        assertEquals(1, finished.size(), "one result for " + method);
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }
}
