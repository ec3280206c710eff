package dev.paysuite.platform.hexagonfixtures.good.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;
import dev.paysuite.platform.hexagonfixtures.good.application.domain.model.Thing;
import java.util.Optional;

public interface SaveThingPort {
    @ChangesState
    void save(Thing thing);

    Optional<Thing> load(String thingId);
}
