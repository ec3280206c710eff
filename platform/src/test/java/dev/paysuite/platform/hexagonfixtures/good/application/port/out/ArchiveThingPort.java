package dev.paysuite.platform.hexagonfixtures.good.application.port.out;

import dev.paysuite.kernel.tx.ChangesState;

@ChangesState
public interface ArchiveThingPort {
    void archiveOlderThan(String thingId);
}
