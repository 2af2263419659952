package io.swarmdrop.daemon;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.swarmdrop.daemon.config.ConfigFileException;

/**
 * Starts the daemon; a config file it cannot use ends the process with exit code 78 (EX_CONFIG),
 * which the systemd unit does not restart on: the same file would fail again.
 */
@QuarkusMain
public class DaemonMain implements QuarkusApplication {

    public static void main(String... args) {
        Quarkus.run(DaemonMain.class, DaemonMain::exit, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    /** Logging may not be set up when startup fails (config is read first), so this writes to stderr. */
    private static void exit(int code, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigFileException) {
                System.err.println("swarmdrop daemon: " + cause.getMessage());
                System.exit(Daemon.EXIT_CONFIG);
            }
        }
        if (failure != null) {
            System.err.println("swarmdrop daemon: cannot start");
            failure.printStackTrace();
        }
        System.exit(code);
    }
}
