package dev.paysuite.payments.application.domain.model;

/** What the payer must do before the payment can go on (3-D Secure: visit a URL). */
public record NextAction(String type, String redirectUrl) {
    public static final String REDIRECT_TO_URL = "redirect_to_url";
}
