/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `adapter.out.persistence`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.adapter.out.persistence;
