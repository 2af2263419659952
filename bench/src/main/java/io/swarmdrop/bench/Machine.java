package io.swarmdrop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the numbers were measured on, read from the running system. */
final class Machine {

    private Machine() {}

    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        long memKb = Long.parseLong(firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .replace("kB", "")
                .trim());
        return String.format(
                "%s, %d cores, %.1f GiB RAM, Linux %s, Java %s (%s)",
                cpu,
                Runtime.getRuntime().availableProcessors(),
                memKb / 1024.0 / 1024.0,
                System.getProperty("os.version"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    /** Resident memory of a process in MiB, from /proc/PID/status (VmRSS). */
    static double residentMiB(long pid) {
        String kb = firstValue(Path.of("/proc/" + pid + "/status"), "VmRSS");
        return Long.parseLong(kb.replace("kB", "").trim()) / 1024.0;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
