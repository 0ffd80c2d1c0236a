package io.tfaudit.criteria.documentation;

/**
 * Whether a text names something as a whole word. A search for each occurrence, not a regular
 * expression compiled per name: the criteria ask it for every attribute of every resource, of
 * texts as long as a changelog.
 */
public final class Words {

    /** Letters, digits and '_': a name in code. */
    public static final String IDENTIFIER = "_";
    /** Letters, digits, '_' and '-': a name in prose, where {@code kebab-case} is one word. */
    public static final String HYPHENATED = "_-";

    private Words() {}

    /**
     * Whether {@code name} occurs in {@code text} with no ASCII letter, digit or one of
     * {@code alsoPartOfAWord} right before or after it.
     */
    public static boolean mentions(String text, String name, String alsoPartOfAWord) {
        if (text == null || name == null) {
            return false;
        }
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !partOfAWord(text.charAt(at - 1), alsoPartOfAWord))
                    && (end == text.length() || !partOfAWord(text.charAt(end), alsoPartOfAWord))) {
                return true;
            }
        }
        return false;
    }

    private static boolean partOfAWord(char c, String also) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || also.indexOf(c) >= 0;
    }
}
