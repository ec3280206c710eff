package dev.paysuite.platform.hexagonfixtures.good.adapter.out.persistence;

import dev.paysuite.platform.hexagonfixtures.good.application.domain.model.Thing;
import dev.paysuite.platform.hexagonfixtures.good.application.port.out.SaveThingPort;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class ThingPersistenceAdapter implements SaveThingPort {
    private final Map<String, Thing> rows = new ConcurrentHashMap<>();

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Thing thing) {
        rows.put(thing.id(), thing);
    }

    @Override
    public Optional<Thing> load(String thingId) {
        return Optional.ofNullable(rows.get(thingId));
    }
}
