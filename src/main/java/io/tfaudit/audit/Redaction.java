package io.tfaudit.audit;

import io.qameta.allure.model.ExecutableItem;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The one redaction of everything that leaves the tool. Readers quote what they read (a
 * syntax error quotes the token, Jackson the JSON it choked on, a tool its own output), so
 * secrets are not hunted in each reader: every text is redacted ({@link Secrets#scrub}) where
 * it is written out, by the writers of each output:
 * <ul>
 *   <li>Allure's result, container and attachment files ({@link RedactingResultsWriter}, on the
 *       command line and, through {@link RedactedAllureResults}, in Maven and an IDE); the
 *       machine outputs (summary.json, SARIF, issue drafts, the markdown report) are built from
 *       these files read back;</li>
 *   <li>JUnit XML ({@link #junitXmlFiles}: the command line's and Failsafe's);</li>
 *   <li>the command line's standard output and standard error ({@link #lines}).</li>
 * </ul>
 */
public final class Redaction {

    private Redaction() {}

    /** {@code Redaction DIR...}: redacts the JUnit XML files in each folder (the Maven audit's Failsafe reports). */
    public static void main(String[] args) throws IOException {
        for (String dir : args) {
            junitXmlFiles(Path.of(dir)).forEach(removed -> System.err.println("tfaudit: JUnit XML " + removed));
        }
    }

    /**
     * The text with every secret in it redacted; null stays null. Terminal escapes go first: a
     * tool's colours inside a quoted value would hide the value from the patterns.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String known = REDACTED.get(text);
        if (known != null) {
            return known;
        }
        String redacted;
        try {
            redacted = Secrets.scrub(ANSI.matcher(text).replaceAll(""));
        } catch (StackOverflowError tooDeep) {
            // Text the patterns cannot get through is not written as it is: it might hold a secret.
            redacted = WITHHELD;
        }
        if (text.length() <= MAX_REMEMBERED_TEXT) {
            if (REMEMBERED_CHARS.addAndGet(text.length()) > MAX_REMEMBERED_CHARS) {
                REDACTED.clear();
                REMEMBERED_CHARS.set(text.length());
            }
            REDACTED.put(text, redacted);
        }
        return redacted;
    }

    /**
     * Texts redacted before, by their original: results repeat their labels, names and
     * messages, and the JUnit XML quotes the messages again. Bounded by the characters kept.
     */
    private static final java.util.Map<String, String> REDACTED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong REMEMBERED_CHARS = new java.util.concurrent.atomic.AtomicLong();
    private static final long MAX_REMEMBERED_CHARS = 4_000_000;
    /** A longer text (a tool's whole output) is rarely seen twice: not kept. */
    private static final int MAX_REMEMBERED_TEXT = 65_536;

    /** What stands for a text that could not be redacted. */
    static final String WITHHELD = "(withheld: tfaudit could not check this text for secrets)";

    private static final java.util.regex.Pattern ANSI = java.util.regex.Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    /**
     * An attachment's bytes, redacted when they are text (UTF-8 without NUL bytes); other
     * bytes (an image) are left as they are.
     */
    public static byte[] attachment(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: tool output in another encoding still shows, as Latin-1, whatever it quotes.
            text = new String(bytes, StandardCharsets.ISO_8859_1);
            String scrubbed = Secrets.scrub(text);
            return scrubbed.equals(text) ? bytes : scrubbed.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (text.indexOf('\0') >= 0) {
            return bytes;
        }
        String scrubbed = Secrets.scrub(text);
        return scrubbed.equals(text) ? bytes : scrubbed.getBytes(StandardCharsets.UTF_8);
    }

    /** Redacts, in place, every text of a result that can quote what was read: messages, traces, steps, parameters, labels. */
    public static TestResult result(TestResult r) {
        r.setName(text(r.getName()));
        r.setDescription(text(r.getDescription()));
        r.setDescriptionHtml(text(r.getDescriptionHtml()));
        item(r);
        if (r.getLabels() != null) {
            // A "baselined" label holds an accepted-findings entry's key, read from the audited tree.
            r.getLabels().forEach(l -> l.setValue(text(l.getValue())));
        }
        if (r.getLinks() != null) {
            r.getLinks().forEach(l -> l.setName(text(l.getName())));
        }
        return r;
    }

    public static TestResultContainer container(TestResultContainer c) {
        c.setName(text(c.getName()));
        c.setDescription(text(c.getDescription()));
        c.setDescriptionHtml(text(c.getDescriptionHtml()));
        for (List<? extends ExecutableItem> fixtures : java.util.Arrays.asList(c.getBefores(), c.getAfters())) {
            if (fixtures != null) {
                fixtures.forEach(Redaction::item);
            }
        }
        return c;
    }

    private static void item(ExecutableItem item) {
        StatusDetails d = item.getStatusDetails();
        if (d != null) {
            d.setMessage(text(d.getMessage()));
            d.setTrace(text(d.getTrace()));
        }
        if (item.getParameters() != null) {
            for (Parameter p : item.getParameters()) {
                p.setValue(text(p.getValue()));
            }
        }
        if (item.getAttachments() != null) {
            item.getAttachments().forEach(a -> a.setName(text(a.getName())));
        }
        if (item.getSteps() != null) {
            for (StepResult s : item.getSteps()) {
                s.setName(text(s.getName()));
                item(s);
            }
        }
    }

    /**
     * Redacts the JUnit XML files in {@code dir} (not below it): every text (failure traces,
     * captured output) and every {@code message} attribute. A file that cannot be redacted
     * (malformed, unreadable) is removed rather than left as it was written; what was removed,
     * and why, is returned.
     */
    public static List<String> junitXmlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".xml") && Files.isRegularFile(f)) {
                    try {
                        junitXml(f);
                    } catch (IOException | RuntimeException e) {
                        Files.deleteIfExists(f);
                        removed.add(f.getFileName() + " could not be checked for secrets and is removed: " + text(e.getMessage()));
                    }
                }
            }
        }
        return removed;
    }

    static void junitXml(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // said by the caller, not printed by the parser
                }
            });
            org.w3c.dom.Document doc = builder.parse(file.toFile());
            if (!redactNode(doc.getDocumentElement())) {
                return;
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(file.toFile()));
        } catch (javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException
                 | org.xml.sax.SAXException e) {
            throw new IOException(file + ": cannot redact: " + e.getMessage(), e);
        }
    }

    /** Whether anything under the node was redacted. */
    private static boolean redactNode(Node node) {
        boolean changed = false;
        if (node instanceof Element e) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (a.getName().equals("message") || a.getName().equals("value")) {
                    String v = text(a.getValue());
                    if (!v.equals(a.getValue())) {
                        a.setValue(v);
                        changed = true;
                    }
                }
            }
        }
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            String v = text(node.getNodeValue());
            if (!v.equals(node.getNodeValue())) {
                node.setNodeValue(v);
                changed = true;
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            changed |= redactNode(child);
        }
        return changed;
    }

    /**
     * A stream that writes to {@code target} line by line, each line redacted. {@link
     * PrintStream#close()} writes a last line that has no line end and leaves {@code target} open.
     */
    public static PrintStream lines(PrintStream target) {
        return new PrintStream(new RedactedLines(target), true, StandardCharsets.UTF_8);
    }

    private static final class RedactedLines extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        RedactedLines(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            // A carriage return ends a line too: the progress line is rewritten in place.
            if (b == '\n' || b == '\r') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n' || b[i] == '\r') {
                    line.write(b, start, i + 1 - start);
                    emit();
                    start = i + 1;
                }
            }
            line.write(b, start, off + len - start);
        }

        private void emit() {
            target.print(text(line.toString(StandardCharsets.UTF_8)));
            line.reset();
        }

        @Override
        public synchronized void flush() {
            // A partial line waits for its end: a secret is not written in two halves.
            target.flush();
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                emit();
            }
            target.flush();
        }
    }
}
