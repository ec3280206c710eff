/** Methods: customers and the card vault. Hexagon package `adapter.out.persistence`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.methods.adapter.out.persistence;
