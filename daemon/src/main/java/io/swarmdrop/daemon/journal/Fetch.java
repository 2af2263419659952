package io.swarmdrop.daemon.journal;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A publication this daemon receives: from accepted, through fetching and delivered, to acknowledged. */
@Entity
@Table(name = "fetches")
public class Fetch {

    public enum State {
        /** Downloading into staging. */
        FETCHING,
        /** In the inbox; the supernode has not confirmed the receipt yet. */
        DELIVERED,
        /** In the inbox and acknowledged. */
        ACKNOWLEDGED,
        /** Refused before download (unsafe metainfo); logged, never retried. */
        REJECTED
    }

    @Id
    public String publicationId;

    @Column(nullable = false)
    public String groupName;

    @Column(nullable = false, length = 1024)
    public String fileName;

    public long size;

    // A plain string column: H2's native ENUM type, which Hibernate picks by default, failed to
    // read back after a supernode was killed and restarted ("No enum constant ...State.1").
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public State state;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    public byte[] metainfo;

    @Column(length = 2048)
    public String deliveredPath;

    @Column(length = 2048)
    public String message;

    @Column(nullable = false)
    public Instant acceptedAt;

    public Instant deliveredAt;

    /** Payload bytes the process that finished the fetch downloaded: less than the size after a resumed fetch. */
    public long downloadedBytes;

    /** The publication was removed from the supernodes: its file is no longer seeded (and stays where it is). */
    public boolean retired;
}
