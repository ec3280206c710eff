package dev.paysuite.platform.hexagonfixtures.good.application.domain.service;

import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.platform.hexagonfixtures.good.application.domain.model.Thing;
import dev.paysuite.platform.hexagonfixtures.good.application.port.in.SaveThingUseCase;
import dev.paysuite.platform.hexagonfixtures.good.application.port.out.ArchiveThingPort;
import dev.paysuite.platform.hexagonfixtures.good.application.port.out.SaveThingPort;

/** Changes state in a declared step: both ports are called inside Transactions.inTransaction. */
public class SaveThingService implements SaveThingUseCase {
    private final SaveThingPort things;
    private final ArchiveThingPort archive;
    private final Transactions transactions;

    public SaveThingService(SaveThingPort things, ArchiveThingPort archive, Transactions transactions) {
        this.things = things;
        this.archive = archive;
        this.transactions = transactions;
    }

    @Override
    public Thing save(String thingId) {
        return things.load(thingId).orElseGet(() -> transactions.inTransaction(() -> {
            Thing thing = new Thing(thingId);
            things.save(thing);
            archive.archiveOlderThan(thingId);
            return thing;
        }));
    }
}
