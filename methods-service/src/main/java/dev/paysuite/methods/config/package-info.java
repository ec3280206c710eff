/** Methods: customers and the card vault. Hexagon package `config`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.config;
