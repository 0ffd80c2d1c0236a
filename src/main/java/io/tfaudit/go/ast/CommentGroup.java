package io.tfaudit.go.ast;

import java.util.List;

/**
 * Comments on adjacent lines with nothing else between them, as {@code go/ast} groups them.
 * {@code endLine} is the last line the group covers.
 */
public record CommentGroup(Pos pos, int endLine, List<String> comments) implements Node {

    /** The comment text without markers, lines joined by '\n', as {@code go/ast}'s Text() gives it (roughly). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            String body = c.startsWith("//") ? c.substring(2) : c.substring(2, c.length() - 2);
            if (body.startsWith(" ")) {
                body = body.substring(1);
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(body.strip());
        }
        return sb.toString();
    }
}
