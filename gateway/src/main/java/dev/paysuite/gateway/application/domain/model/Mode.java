package dev.paysuite.gateway.application.domain.model;

import java.util.Locale;

/** Test keys run against the simulator; live keys move money. */
public enum Mode {
    TEST,
    LIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
