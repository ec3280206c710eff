/** Methods: customers and the card vault. Hexagon package `application.domain.model`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.application.domain.model;
