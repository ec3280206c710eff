/** Test fixtures: a local webhook receiver and events written as the consumers will write them. */
package dev.paysuite.webhooks.testing;
