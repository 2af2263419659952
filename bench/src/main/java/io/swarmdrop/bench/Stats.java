package io.swarmdrop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repeated measurements of one figure: median and spread, percentiles for latency samples. */
final class Stats {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int count() {
        return values.size();
    }

    double last() {
        return values.get(values.size() - 1);
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return Collections.min(values);
    }

    double max() {
        return Collections.max(values);
    }

    /** Nearest-rank percentile. */
    double percentile(double p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** "12.3 (11.9-13.0)": the median and, when there are several runs, the lowest and highest. */
    String show(String format) {
        if (values.isEmpty()) {
            return "-";
        }
        if (values.size() == 1) {
            return String.format(format, median());
        }
        return String.format(format, median()) + " (" + String.format(format, min()) + "–"
                + String.format(format, max()) + ")";
    }
}
