/** Methods: customers and the card vault. Hexagon package `application.port.in`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.methods.application.port.in;
