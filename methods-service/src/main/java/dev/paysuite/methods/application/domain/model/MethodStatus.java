package dev.paysuite.methods.application.domain.model;

/** A method can be charged and attached while usable; once detached it can never be used again. */
public enum MethodStatus {
    USABLE, DETACHED
}
