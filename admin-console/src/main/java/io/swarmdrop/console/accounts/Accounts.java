package io.swarmdrop.console.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.swarmdrop.console.ConsoleConfig;
import io.swarmdrop.core.cluster.Names;
import io.swarmdrop.core.security.PasswordHasher;
import io.swarmdrop.core.security.PasswordRule;
import io.swarmdrop.core.security.SecretFiles;
import io.swarmdrop.core.security.Secrets;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = firstAdminPasswordFile();
        try {
            SecretFiles.write(file, password + "\n");
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
        PasswordRule.require(password);
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

    /** Disables or enables an account; the last enabled administrator cannot be disabled. */
    public void setDisabled(String name, boolean disabled) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = require(name);
            if (disabled && isLastEnabledAdmin(account)) {
                throw new IllegalArgumentException("'" + name + "' is the last enabled administrator");
            }
            account.disabled = disabled;
        });
    }

    /**
     * Gives an account a new password. Once the first administrator has one of their own, the
     * generated {@code first-admin-password} file is deleted: it no longer opens anything.
     */
    public void changePassword(String name, char[] password) {
        PasswordRule.require(password);
        String hash = hasher.hash(password);
        QuarkusTransaction.requiringNew().run(() -> require(name).passwordHash = hash);
        if (name.equals(config.firstAdmin().name())) {
            try {
                Files.deleteIfExists(firstAdminPasswordFile());
            } catch (IOException e) {
                LOG.warnf("could not delete %s: %s", firstAdminPasswordFile(), e.getMessage());
            }
        }
    }

    /** Deletes an account; the last enabled administrator cannot be deleted. */
    public void delete(String name) {
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = require(name);
            if (isLastEnabledAdmin(account)) {
                throw new IllegalArgumentException("'" + name + "' is the last enabled administrator");
            }
            db.remove(account);
        });
    }

    /** The file the generated first-administrator password is in, while it is still in use. */
    public Path firstAdminPasswordFile() {
        return Path.of(config.dataDir(), "first-admin-password");
    }

    private Account require(String name) {
        Account account = Names.isValid(name) ? db.find(Account.class, name) : null;
        if (account == null) {
            throw new IllegalArgumentException("no console account '" + name + "'");
        }
        return account;
    }

    private boolean isLastEnabledAdmin(Account account) {
        if (!account.role.equals(Account.ADMIN) || account.isDisabled()) {
            return false;
        }
        return db.createQuery("from Account a where a.role = :role", Account.class)
                        .setParameter("role", Account.ADMIN)
                        .getResultStream()
                        .filter(a -> !a.isDisabled())
                        .count()
                <= 1;
    }

    /** The account's role when the password is right; empty otherwise, in about the same time. */
    public Optional<String> check(String name, char[] password) {
        Optional<Account> account = Names.isValid(name)
                ? Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> db.find(Account.class, name)))
                : Optional.empty();
        boolean matches =
                hasher.verify(password, account.map(a -> a.passwordHash).orElse(dummyHash));
        return account.filter(a -> matches && !a.isDisabled()).map(a -> a.role);
    }

    public List<Account> all() {
        return QuarkusTransaction.requiringNew().call(() -> db.createQuery("from Account order by name", Account.class)
                .getResultList());
    }
}
