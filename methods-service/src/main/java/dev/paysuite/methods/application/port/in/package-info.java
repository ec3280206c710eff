/** Methods: customers and the card vault. Hexagon package `application.port.in`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.application.port.in;
