package dev.paysuite.webhooks.application.port.out;

/** Whether a dialect of the canonical API (a seed API served by the gateway) exists by that name. */
public interface CheckDialectPort {
    boolean isKnown(String dialect);
}
