package io.swarmdrop.supernode.seeding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of this supernode's local catalog: one publication whose file it holds or is fetching. */
@Entity
public class StoredFile {

    public enum State {
        FETCHING,
        STORED
    }

    @Id
    public String publicationId;

    @Column(nullable = false)
    public String groupName;

    @Column(nullable = false)
    public String name;

    public long size;

    @Column(nullable = false, length = 64)
    public String infohashV2;

    // A plain string column: H2's native ENUM type, which Hibernate picks by default, failed to
    // read back after a supernode was killed and restarted ("No enum constant ...State.1").
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public Instant addedAt;

    public Instant storedAt;
}
