/** Methods: customers and the card vault. Hexagon package `adapter.in.rest`; ARCHITECTURE.md says what belongs here. */
package dev.paysuite.methods.adapter.in.rest;
