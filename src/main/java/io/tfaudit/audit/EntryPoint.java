package io.tfaudit.audit;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the audit was started, so that its messages name the options of that entry point:
 * the command line's {@code --exec}, {@code --backend DIR}; Maven's and the IDE's
 * {@code -Dexec=true}, {@code -Dbackend.path=DIR}. Criteria write the {@code -D} form; the
 * command line's run translates it where the text leaves for the report.
 */
public final class EntryPoint {

    /** The system property the command line sets while it runs the audit. */
    static final String PROPERTY = "tfaudit.entryPoint";

    private static final Pattern OPTION = Pattern.compile(
            "-D(exec|acceptance|backend\\.path|baseline\\.ref|baseline\\.path|baseline\\.file|exec\\.timeout|inventory|provider\\.path)"
                    + "(=([^\\s),;]+))?");

    private EntryPoint() {}

    /** Runs {@code audit} as the command line's run: messages name its options. */
    public static <T> T commandLine(Supplier<T> audit) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, "cli");
        try {
            return audit.get();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    static boolean isCommandLine() {
        return "cli".equals(System.getProperty(PROPERTY));
    }

    /** A message in the words of the entry point that runs the audit. */
    public static String speak(String text) {
        if (text == null || !isCommandLine() || !text.contains("-D")) {
            return text;
        }
        Matcher m = OPTION.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(3);
            String option = switch (m.group(1)) {
                case "exec" -> "--exec";
                case "acceptance" -> "--acceptance";
                case "backend.path" -> "--backend" + (value == null ? "" : " " + value);
                case "baseline.ref" -> "--baseline-ref" + (value == null ? "" : " " + value);
                case "baseline.path" -> "--baseline-path" + (value == null ? "" : " " + value);
                case "baseline.file" -> "--baseline-file" + (value == null ? "" : " " + value);
                case "exec.timeout" -> "--exec-timeout" + (value == null ? "" : " " + value);
                case "inventory" -> "--inventory" + (value == null ? "" : " " + value);
                default -> "--provider" + (value == null ? "" : " " + value);
            };
            if (("--exec".equals(option) || "--acceptance".equals(option)) && value != null && !value.equals("true")) {
                option = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(option));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
