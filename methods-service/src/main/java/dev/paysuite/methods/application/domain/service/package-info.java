/** Methods: customers and the card vault. Hexagon package `application.domain.service`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.application.domain.service;
