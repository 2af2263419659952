package io.swarmdrop.daemon.link;

import io.swarmdrop.core.directory.Enrolment;
import io.swarmdrop.daemon.DaemonConfig;
import io.swarmdrop.daemon.journal.Journal;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jboss.logging.Logger;

/**
 * This device's link to its supernode: the enrolment (kept in the journal, so the password is
 * needed only once) and the API client that carries its token.
 */
@Singleton
public class Link {

    private static final Logger LOG = Logger.getLogger(Link.class);

    private final DaemonConfig config;
    private final Journal journal;
    private final SupernodeClient client;
    private volatile String token;
    private volatile String passkey;
    private volatile String user;
    private volatile String device;

    Link(DaemonConfig config, Journal journal) {
        this.config = config;
        this.journal = journal;
        this.client = new SupernodeClient(config.supernodeUrl(), () -> token);
    }

    public SupernodeClient client() {
        return client;
    }

    public boolean isEnrolled() {
        return token != null;
    }

    public String user() {
        return user;
    }

    public String device() {
        return device;
    }

    public String trackerUrl() {
        return client.trackerUrl(passkey);
    }

    /** Loads the enrolment from the journal, or enrols with the configured credentials. */
    public void ensureEnrolled() {
        if (token != null) {
            return;
        }
        var stored = journal.setting("token");
        if (stored.isPresent()) {
            token = stored.get();
            passkey = journal.setting("passkey").orElseThrow();
            user = journal.setting("user").orElseThrow();
            device = journal.setting("device").orElseThrow();
            return;
        }
        String name = config.user()
                .orElseThrow(() -> new SupernodeException(
                        401, "this device is not enrolled: set swarmdrop.daemon.user and swarmdrop.daemon.password"));
        String password = config.password()
                .orElseThrow(() -> new SupernodeException(
                        401, "this device is not enrolled: set swarmdrop.daemon.password for the first start"));
        Enrolment enrolment = client.login(name, password, config.deviceName().orElseGet(Link::hostname));
        journal.setting("user", enrolment.user());
        journal.setting("device", enrolment.device());
        journal.setting("passkey", enrolment.passkey());
        journal.setting("token", enrolment.token());
        user = enrolment.user();
        device = enrolment.device();
        passkey = enrolment.passkey();
        token = enrolment.token();
        LOG.infof("[user=%s] enrolled as device %s at %s", user, device, client.baseUrl());
    }

    /** The supernode no longer accepts the token (revoked): forget it, so the next attempt enrols again. */
    public void forgetEnrolment() {
        LOG.warnf("[user=%s] the supernode refused device %s's token; enrolling again", user, device);
        journal.removeSetting("token");
        token = null;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
