/** Webhooks: endpoints, signed deliveries, the Events API. Hexagon package `adapter.out.dialect`: deliveries in a seed API's dialect (the dialects module). */
package dev.paysuite.webhooks.adapter.out.dialect;
