/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `application.domain.model`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.application.domain.model;
