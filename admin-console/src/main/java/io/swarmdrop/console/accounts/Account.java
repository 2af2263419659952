package io.swarmdrop.console.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A console account (an administrator or an auditor), in the console's own database. */
@Entity
public class Account {

    /** What an account may do: {@code admin} changes things, {@code auditor} only looks. */
    public static final String ADMIN = "admin";

    public static final String AUDITOR = "auditor";

    @Id
    public String name;

    @Column(nullable = false)
    public String passwordHash;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(nullable = false)
    public Instant createdAt;

    /** A disabled account cannot sign in, and its open sessions end at their next request. */
    public Boolean disabled;

    public boolean isDisabled() {
        return Boolean.TRUE.equals(disabled);
    }
}
