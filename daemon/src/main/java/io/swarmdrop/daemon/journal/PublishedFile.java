package io.swarmdrop.daemon.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A file seen in an outbox and what became of it. A file is identified by its group, name, size and
 * modification time, so the same file is never published twice and a changed file is seen as new;
 * a published file renamed in its outbox is followed by its file key, size and time, not published
 * again.
 */
@Entity
@Table(name = "published_files", indexes = @Index(columnList = "groupName,fileName"))
public class PublishedFile {

    public enum State {
        PUBLISHED,
        REFUSED
    }

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public String groupName;

    @Column(nullable = false, length = 1024)
    public String fileName;

    public long size;

    public long modifiedMillis;

    /** The file system's identity of the file (see {@link FileVersion}), to follow it when renamed. */
    @Column(length = 200)
    public String fileKey;

    // A plain string column: H2's native ENUM type, which Hibernate picks by default, failed to
    // read back after a supernode was killed and restarted ("No enum constant ...State.1").
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public State state;

    public String publicationId;

    @Column(length = 2048)
    public String message;

    /** The torrent seeded for this file, so a restart seeds again without hashing the file again. */
    @Lob
    public byte[] metainfo;

    @Column(nullable = false)
    public Instant at;

    /** The publication was removed from the supernodes: its file is no longer seeded (and stays where it is). */
    public boolean retired;
}
