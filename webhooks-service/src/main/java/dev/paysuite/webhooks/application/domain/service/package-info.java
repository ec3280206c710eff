/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `application.domain.service`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.application.domain.service;
