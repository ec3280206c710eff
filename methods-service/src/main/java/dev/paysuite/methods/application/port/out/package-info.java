/** Methods: customers and the card vault. Hexagon package `application.port.out`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.methods.application.port.out;
