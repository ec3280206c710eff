package dev.paysuite.platform.hexagonfixtures.good.adapter.out.persistence;

import dev.paysuite.platform.hexagonfixtures.good.application.port.out.ArchiveThingPort;
import jakarta.transaction.Transactional;

/** Requires the caller's transaction for the whole class. */
@Transactional(Transactional.TxType.MANDATORY)
public class ThingArchiveAdapter implements ArchiveThingPort {

    @Override
    public void archiveOlderThan(String thingId) {
    }
}
