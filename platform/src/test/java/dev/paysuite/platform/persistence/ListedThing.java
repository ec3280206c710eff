package dev.paysuite.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A test-only row with what {@link KeysetPages} needs (id, createdAt) and a column to filter on. */
@Entity
@Table(name = "listed_things")
public class ListedThing {
    @Id
    public String id;
    @Column(nullable = false)
    public String owner;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static ListedThing of(String id, String owner, Instant createdAt) {
        ListedThing thing = new ListedThing();
        thing.id = id;
        thing.owner = owner;
        thing.createdAt = createdAt;
        return thing;
    }
}
