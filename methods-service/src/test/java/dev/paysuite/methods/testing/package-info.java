/** Test fixtures of methods-service: the acquirer forwarding goes to, and a reader of methods.events. */
package dev.paysuite.methods.testing;
