package io.swarmdrop.console.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log: who did what to what, when and from where. */
@Entity
@Table(indexes = @Index(columnList = "at"))
public class AuditEntry {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false, length = 1000)
    public String target;

    public String source;
}
