package dev.paysuite.platform.hexagonfixtures.bad.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;

/** Every method of this port changes state. */
@ChangesState
public interface ArchiveThingPort {
    void archive(String thingId);
}
