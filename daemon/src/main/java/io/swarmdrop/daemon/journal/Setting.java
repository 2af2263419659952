package io.swarmdrop.daemon.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key-value pair of the daemon's own state, such as its enrolment. */
@Entity
@Table(name = "settings")
public class Setting {

    @Id
    public String name;

    @Column(name = "setting_value", length = 4096)
    public String value;
}
