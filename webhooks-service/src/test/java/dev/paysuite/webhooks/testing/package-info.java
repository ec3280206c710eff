/** Test fixtures: a local webhook receiver, events written as the consumers will write them, a dialect. */
package dev.paysuite.webhooks.testing;
