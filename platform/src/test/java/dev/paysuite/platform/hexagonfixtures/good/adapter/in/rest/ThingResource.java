package dev.paysuite.platform.hexagonfixtures.good.adapter.in.rest;

import dev.paysuite.platform.hexagonfixtures.good.application.port.in.SaveThingUseCase;

public class ThingResource {
    private final SaveThingUseCase saveThing;

    public ThingResource(SaveThingUseCase saveThing) {
        this.saveThing = saveThing;
    }

    public String create(String thingId) {
        return saveThing.save(thingId).id();
    }
}
