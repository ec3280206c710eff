/** Methods: customers and the card vault. Hexagon package `adapter.out.messaging`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.adapter.out.messaging;
