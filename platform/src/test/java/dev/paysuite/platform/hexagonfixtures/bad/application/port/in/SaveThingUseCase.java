package dev.paysuite.platform.hexagonfixtures.bad.application.port.in;

public interface SaveThingUseCase {
    void save(String thingId);
}
