package io.powernode.devops.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * A command given as one string ({@code command: echo "a b"}) split into words as the CLI splits it (Google's
 * shlex): blanks separate words, single quotes keep everything, double quotes and a backslash escape the next
 * character, and a {@code #} at the start of a word comments out the rest of the line. No variables, no globs.
 */
final class ShellWords {

    private enum State { BETWEEN, WORD, ESCAPED, QUOTED_ESCAPED, DOUBLE_QUOTED, SINGLE_QUOTED, COMMENT }

    private ShellWords() {
    }

    /**
     * @throws IllegalArgumentException when a quote is not closed or the text ends with an escape
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        State state = State.BETWEEN;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (state) {
                case BETWEEN -> {
                    if (c == '#') {
                        state = State.COMMENT;
                    } else if (!isBlank(c)) {
                        state = start(c, word);
                    }
                }
                case WORD -> {
                    if (isBlank(c)) {
                        words.add(word.toString());
                        word.setLength(0);
                        state = State.BETWEEN;
                    } else {
                        state = start(c, word);
                    }
                }
                case ESCAPED -> {
                    word.append(c);
                    state = State.WORD;
                }
                case QUOTED_ESCAPED -> {
                    word.append(c);
                    state = State.DOUBLE_QUOTED;
                }
                case DOUBLE_QUOTED -> {
                    if (c == '"') {
                        state = State.WORD;
                    } else if (c == '\\') {
                        state = State.QUOTED_ESCAPED;
                    } else {
                        word.append(c);
                    }
                }
                case SINGLE_QUOTED -> {
                    if (c == '\'') {
                        state = State.WORD;
                    } else {
                        word.append(c);
                    }
                }
                case COMMENT -> {
                    if (c == '\n') {
                        state = State.BETWEEN;
                    }
                }
            }
        }
        switch (state) {
            case ESCAPED, QUOTED_ESCAPED -> throw new IllegalArgumentException("EOF found after escape character");
            case DOUBLE_QUOTED, SINGLE_QUOTED -> throw new IllegalArgumentException("EOF found when expecting closing quote");
            case WORD -> words.add(word.toString());
            default -> {
                // nothing pending
            }
        }
        return words;
    }

    /** A character that starts or continues a word: a quote, an escape, or itself. */
    private static State start(char c, StringBuilder word) {
        return switch (c) {
            case '"' -> State.DOUBLE_QUOTED;
            case '\'' -> State.SINGLE_QUOTED;
            case '\\' -> State.ESCAPED;
            default -> {
                word.append(c);
                yield State.WORD;
            }
        };
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
