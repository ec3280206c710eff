package dev.paysuite.platform.hexagonfixtures.bad.application.domain.service;

import dev.paysuite.platform.hexagonfixtures.bad.application.port.in.SaveThingUseCase;
import dev.paysuite.platform.hexagonfixtures.bad.application.port.out.SaveThingPort;

/** Breaks useCasesThatChangeStateDeclareTheirSteps: changes state with no step (no Transactions) around it. */
public class SaveThingService implements SaveThingUseCase {
    private final SaveThingPort things;

    public SaveThingService(SaveThingPort things) {
        this.things = things;
    }

    @Override
    public void save(String thingId) {
        if (!things.exists(thingId)) {
            things.save(thingId);
        }
    }
}
