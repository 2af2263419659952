package io.swarmdrop.daemon.config;

import java.util.List;

/** Every problem of a config file, one per line, so an administrator fixes them in one go. */
public final class ConfigFileException extends RuntimeException {

    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super("the daemon's config file has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
