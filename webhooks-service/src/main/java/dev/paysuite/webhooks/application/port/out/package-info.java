/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `application.port.out`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.application.port.out;
