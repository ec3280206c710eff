package dev.paysuite.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ListedThingRepository implements PanacheRepositoryBase<ListedThing, String> {

    /** Whether a row with this id committed, read in a transaction of its own (so nothing uncommitted counts). */
    public boolean committed(String id) {
        return QuarkusTransaction.requiringNew().call(() -> count("id", id)) == 1;
    }
}
