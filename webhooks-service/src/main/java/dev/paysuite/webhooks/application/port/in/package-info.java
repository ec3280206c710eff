/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `application.port.in`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.application.port.in;
