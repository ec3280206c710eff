package dev.paysuite.platform.hexagonfixtures.good.application.domain.model;

import java.util.Objects;

public record Thing(String id) {
    public Thing {
        Objects.requireNonNull(id, "id");
    }
}
