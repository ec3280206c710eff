/** Methods: customers and the card vault. Hexagon package `application.domain.service`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.methods.application.domain.service;
