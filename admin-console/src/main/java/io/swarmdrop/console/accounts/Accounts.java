package io.swarmdrop.console.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.swarmdrop.console.ConsoleConfig;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.security.PasswordHasher;
import io.swarmdrop.core.security.Secrets;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Console accounts: the first administrator on first start, creation, and password checks. */
@Singleton
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class);

    private final EntityManager db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ConsoleConfig config;
    /** Checked when the account does not exist, so a wrong name takes as long as a wrong password. */
    private final String dummyHash;

    Accounts(EntityManager db, ConsoleConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.hasher = new PasswordHasher(config.passwordIterations());
        this.dummyHash = hasher.hash(Secrets.newSecret().toCharArray());
    }

    void onStart(@Observes StartupEvent event) {
        boolean none = QuarkusTransaction.requiringNew()
                .call(() -> db.createQuery("select count(a) from Account a", Long.class)
                                .getSingleResult()
                        == 0);
        if (!none) {
            return;
        }
        String name = config.firstAdmin().name();
        String password = config.firstAdmin().password().orElseGet(this::generatedPassword);
        create(name, password.toCharArray(), Account.ADMIN);
        LOG.infof("created the first administrator account '%s'", name);
    }

    private String generatedPassword() {
        String password = Secrets.newSecret().substring(0, 20);
        Path file = Path.of(config.dataDir(), "first-admin-password");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first administrator's password to " + file, e);
        }
        LOG.infof("the first administrator's password is in %s", file.toAbsolutePath());
        return password;
    }

    public void create(String name, char[] password, String role) {
        Names.requireValid("account", name);
        if (!role.equals(Account.ADMIN) && !role.equals(Account.AUDITOR)) {
            throw new IllegalArgumentException("a role is 'admin' or 'auditor', not '" + role + "'");
        }
        String hash = hasher.hash(password);
        QuarkusTransaction.requiringNew().run(() -> {
            if (db.find(Account.class, name) != null) {
                throw new IllegalArgumentException("the account '" + name + "' exists already");
            }
            var account = new Account();
            account.name = name;
            account.passwordHash = hash;
            account.role = role;
            account.createdAt = clock.instant();
            db.persist(account);
        });
    }

    /** The account's role when the password is right; empty otherwise, in about the same time. */
    public Optional<String> check(String name, char[] password) {
        Optional<Account> account = Names.isValid(name)
                ? Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> db.find(Account.class, name)))
                : Optional.empty();
        boolean matches =
                hasher.verify(password, account.map(a -> a.passwordHash).orElse(dummyHash));
        return account.filter(a -> matches).map(a -> a.role);
    }

    public List<Account> all() {
        return QuarkusTransaction.requiringNew().call(() -> db.createQuery("from Account order by name", Account.class)
                .getResultList());
    }
}
