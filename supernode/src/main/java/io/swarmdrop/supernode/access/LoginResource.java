package io.swarmdrop.supernode.access;

import io.swarmdrop.core.api.LoginRequest;
import io.swarmdrop.core.audit.AuditEvent;
import io.swarmdrop.core.audit.AuditQueue;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.directory.Directory;
import io.swarmdrop.core.directory.Enrolment;
import io.swarmdrop.core.security.SignInThrottle;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Logs a user in and enrols the calling device: the only daemon call without a token. */
@Singleton
@Path("/api/login")
public class LoginResource {

    private static final Logger LOG = Logger.getLogger(LoginResource.class);

    /** Longest device host name kept: a DNS name's limit; it ends up in ZooKeeper and the audit log. */
    static final int MAX_HOSTNAME = 255;

    /** Longest password checked: anything longer is no one's password and only costs hashing. */
    static final int MAX_PASSWORD = 1024;

    /** Host names are shown in the console and written to the log: printable, no line breaks or bidi tricks. */
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

    private final Directory directory;
    private final AuditQueue audit;
    private final Clock clock;
    private final SignInThrottle throttle;
    /**
     * Password hashes checked at once for addresses without a recent good login: a flood queues
     * here instead of taking every core, and leaves one core free.
     */
    private final Semaphore hashing =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

    /**
     * One hash at a time for addresses that logged in well before: a flood from new addresses
     * cannot queue them behind it (measured in docs/BENCHMARKS-login.md: without it a good login
     * took 8.9 times as long during a flood). An office behind one NAT address shares its place.
     */
    private final Semaphore known = new Semaphore(1);

    /** Addresses of recent good logins, the least recently used forgotten beyond the bound. */
    private final Map<String, Boolean> goodAddresses =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_GOOD_ADDRESSES;
                }
            });

    static final int MAX_GOOD_ADDRESSES = 10_000;

    LoginResource(Directory directory, AuditQueue audit, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.throttle = new SignInThrottle(clock);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Enrolment login(LoginRequest request, @Context HttpServerRequest http) throws InterruptedException {
        if (request == null || request.user() == null || request.password() == null) {
            throw new BadRequestException("login needs a user and a password");
        }
        String hostname = request.hostname() == null || request.hostname().isBlank() ? "unnamed" : request.hostname();
        if (hostname.length() > MAX_HOSTNAME || !PRINTABLE.matcher(hostname).matches()) {
            throw new BadRequestException(
                    "a hostname is at most " + MAX_HOSTNAME + " printable characters, without line breaks");
        }
        String source =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        String user = request.user();
        if (!Names.isValid(user) || request.password().length() > MAX_PASSWORD) {
            // No such user can exist; refused without a hash, and the raw input stays out of the log.
            LOG.infof("login from %s refused: not a valid user name or password", source);
            throw new NotAuthenticatedException("wrong user or password");
        }
        Duration wait = throttle.waitFor(user, source);
        if (!wait.isZero()) {
            // An attempt during the wait counts as one more failure: hammering only lengthens it.
            throttle.failed(user, source);
            LOG.warnf("[user=%s] login from %s refused unchecked: too many failures", user, source);
            throw new TooManyRequestsException("too many failed logins", wait);
        }
        boolean matches;
        Semaphore queue = goodAddresses.containsKey(source) ? known : hashing;
        queue.acquire();
        try {
            matches = directory.checkPassword(user, request.password().toCharArray());
        } finally {
            queue.release();
        }
        if (!matches) {
            throttle.failed(user, source);
            LOG.infof("[user=%s] login from %s refused: wrong user, password, or disabled", user, source);
            throw new NotAuthenticatedException("wrong user or password");
        }
        throttle.succeeded(user);
        goodAddresses.put(source, Boolean.TRUE);
        Enrolment enrolment = directory.enrolDevice(user, hostname);
        LOG.infof("[user=%s] enrolled device %s (%s)", enrolment.user(), enrolment.device(), hostname);
        try {
            audit.publish(new AuditEvent(
                    clock.instant(),
                    enrolment.user(),
                    "enrolled a device",
                    "device " + enrolment.device() + " (" + hostname + ") of " + enrolment.user(),
                    source));
        } catch (RuntimeException e) {
            // The enrolment stands; only its audit record is missing, and the log has it.
            LOG.errorf(
                    "[user=%s] could not record the enrolment in the audit log: %s", enrolment.user(), e.getMessage());
        }
        return enrolment;
    }
}
