package dev.paysuite.gateway.application.domain.model;

import java.util.Locale;

/** Test keys run against the simulator; live keys move money. The secret's prefix says which. */
public enum Mode {
    TEST("sk_test_"),
    LIVE("sk_live_");

    private final String secretPrefix;

    Mode(String secretPrefix) {
        this.secretPrefix = secretPrefix;
    }

    /** How the mode is written in the database and in the identity token. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String secretPrefix() {
        return secretPrefix;
    }

    public static Mode fromWireName(String wireName) {
        for (Mode mode : values()) {
            if (mode.wireName().equals(wireName)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown mode '" + wireName + "'");
    }
}
