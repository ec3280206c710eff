package dev.paysuite.platform.hexagonfixtures.good.application.port.in;

import dev.paysuite.platform.hexagonfixtures.good.application.domain.model.Thing;

public interface SaveThingUseCase {
    Thing save(String thingId);
}
