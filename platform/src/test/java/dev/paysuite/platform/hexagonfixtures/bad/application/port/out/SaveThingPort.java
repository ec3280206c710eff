package dev.paysuite.platform.hexagonfixtures.bad.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;

public interface SaveThingPort {
    @ChangesState
    void save(String thingId);

    boolean exists(String thingId);
}
