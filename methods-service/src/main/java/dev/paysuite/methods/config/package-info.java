/** Methods: customers and the card vault. Hexagon package `config`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.methods.config;
