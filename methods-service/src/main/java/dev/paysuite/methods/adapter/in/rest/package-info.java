/** Methods: customers and the card vault. Hexagon package `adapter.in.rest`; see STYLE.md for what belongs here. */
package dev.paysuite.methods.adapter.in.rest;
