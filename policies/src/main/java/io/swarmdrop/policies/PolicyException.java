package io.swarmdrop.policies;

import java.util.List;

/** Policy text that cannot be used, with every problem found (line, key and what is wrong). */
public final class PolicyException extends RuntimeException {

    /** One problem: the 1-based line, the key (or empty), and a sentence saying what is wrong. */
    public record Problem(int line, String key, String message) {
        @Override
        public String toString() {
            return "line " + line + (key.isEmpty() ? "" : ", " + key) + ": " + message;
        }
    }

    private final List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
