package dev.paysuite.methods.application.port.in;

/** Puts the test aliases, the test tokens and the demo merchant's methods in the vault, once. */
public interface SeedTestMethodsUseCase {
    /** How many it added (none when they are all there already). */
    int seed(String demoMerchantId);
}
