/**
 * Classes laid out like a service, for the self-test of the hexagon rules only: {@code good} keeps
 * every rule, each class in {@code bad} breaks one. None is a CDI bean (no scope annotations), so
 * the Quarkus tests of this module leave them alone.
 */
package dev.paysuite.platform.hexagonfixtures;
