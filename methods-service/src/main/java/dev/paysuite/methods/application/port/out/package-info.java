/** Methods: customers and the card vault. Hexagon package `application.port.out`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.application.port.out;
