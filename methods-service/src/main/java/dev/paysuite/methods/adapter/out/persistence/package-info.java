/** Methods: customers and the card vault. Hexagon package `adapter.out.persistence`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.adapter.out.persistence;
