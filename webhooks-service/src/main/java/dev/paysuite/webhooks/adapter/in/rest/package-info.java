/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `adapter.in.rest`; see STYLE.md for what belongs here. */
package dev.paysuite.webhooks.adapter.in.rest;
