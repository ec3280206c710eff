/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `config`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.webhooks.config;
