package dev.paysuite.platform.hexagonfixtures.bad.adapter.out.persistence;

import dev.paysuite.platform.hexagonfixtures.bad.application.port.out.ArchiveThingPort;
import dev.paysuite.platform.hexagonfixtures.bad.application.port.out.SaveThingPort;
import java.util.HashSet;
import java.util.Set;

/**
 * Breaks stateChangingAdaptersRequireTheStepsTransaction twice: save (marked on the method) and
 * archive (its port is marked as a whole) run without requiring the caller's transaction.
 */
public class ThingPersistenceAdapter implements SaveThingPort, ArchiveThingPort {
    private final Set<String> rows = new HashSet<>();

    @Override
    public void save(String thingId) {
        rows.add(thingId);
    }

    @Override
    public boolean exists(String thingId) {
        return rows.contains(thingId);
    }

    @Override
    public void archive(String thingId) {
        rows.remove(thingId);
    }
}
