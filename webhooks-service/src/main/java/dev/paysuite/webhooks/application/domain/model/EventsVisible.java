package dev.paysuite.webhooks.application.domain.model;

/**
 * A step gave {@code count} events their positions: once it commits they are visible, and the
 * fan-out has work (the delivery worker is told after the commit, rather than at its next tick).
 */
public record EventsVisible(int count) {
}
