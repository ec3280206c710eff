package dev.paysuite.methods.application.domain.service;

import dev.paysuite.kernel.error.DomainException;
import dev.paysuite.kernel.error.ErrorCodes;
import dev.paysuite.kernel.id.Ids;
import dev.paysuite.kernel.id.PaymentMethodId;
import dev.paysuite.kernel.tx.Transactions;
import dev.paysuite.methods.application.domain.model.MethodsNotFound;
import dev.paysuite.methods.application.domain.model.AcquirerAnswer;
import dev.paysuite.methods.application.domain.model.Instrument;
import dev.paysuite.methods.application.domain.model.MethodDetails;
import dev.paysuite.methods.application.domain.model.MethodErrorCodes;
import dev.paysuite.methods.application.domain.model.MethodInput;
import dev.paysuite.methods.application.domain.model.MethodType;
import dev.paysuite.methods.application.domain.model.PaymentMethod;
import dev.paysuite.methods.application.domain.model.ShownDetails;
import dev.paysuite.methods.application.domain.model.TestMethods;
import dev.paysuite.methods.application.domain.model.VaultAccess;
import dev.paysuite.methods.application.domain.model.VaultToken;
import dev.paysuite.methods.application.port.in.VaultUseCase;
import dev.paysuite.methods.application.port.out.AcquirerPort;
import dev.paysuite.methods.application.port.out.PaymentMethodStore;
import dev.paysuite.methods.application.port.out.TokenStore;
import dev.paysuite.methods.application.port.out.VaultAuditPort;
import dev.paysuite.methods.application.port.out.VaultPort;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

public class VaultService implements VaultUseCase {
    static final String INSTRUMENT_FIELD = "instrument";
    private static final Pattern METHOD_REF = Pattern.compile("pm_[A-Za-z0-9_]{1,60}");
    private static final Pattern TOKEN_REF = Pattern.compile("(tok_|card_token_)[A-Za-z0-9_]{1,60}");
    private static final String CARD_NUMBER = "{{card.number}}";
    private static final String EXP_MONTH = "{{card.exp_month}}";
    private static final String EXP_YEAR = "{{card.exp_year}}";

    private final PaymentMethodStore methods;
    private final TokenStore tokens;
    private final VaultPort vault;
    private final VaultAuditPort audit;
    private final AcquirerPort acquirers;
    private final Transactions transactions;
    private final Clock clock;

    public VaultService(PaymentMethodStore methods, TokenStore tokens, VaultPort vault, VaultAuditPort audit,
            AcquirerPort acquirers, Transactions transactions, Clock clock) {
        this.methods = methods;
        this.tokens = tokens;
        this.vault = vault;
        this.audit = audit;
        this.acquirers = acquirers;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Instrument instrument(String merchantId, boolean livemode, String ref) {
        if (ref != null && METHOD_REF.matcher(ref).matches()) {
            PaymentMethod method = methods.load(merchantId, livemode, new PaymentMethodId(ref))
                    .filter(PaymentMethod::isChargeable)
                    .orElseThrow(() -> MethodsNotFound.method(ref, "id"));
            return new Instrument(ref, method.type(), method.shown(), fingerprint(merchantId, method.secretHash()),
                    method.vaultRecordId());
        }
        if (ref != null && TOKEN_REF.matcher(ref).matches()) {
            if (ref.startsWith(TestMethods.CARD_TOKEN_PREFIX) && livemode) {
                throw tokenNotFound(ref);
            }
            VaultToken token = tokens.load(merchantId, livemode, TestMethods.tokenFor(ref))
                    .orElseThrow(() -> tokenNotFound(ref));
            return new Instrument(ref, token.type(), token.shown(), fingerprint(merchantId, token.secretHash()),
                    token.vaultRecordId());
        }
        throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                "Invalid {id}: expected a payment method (pm_…) or a token (tok_…).", "id");
    }

    @Override
    public String fingerprint(String merchantId, String secretHash) {
        return secretHash == null ? null : vault.fingerprint(merchantId, secretHash);
    }

    @Override
    public String blind(String value) {
        return value == null ? null : vault.secretHash(new Blinded(value));
    }

    /** Any value to be hashed as the vault hashes secrets. */
    private static final class Blinded extends dev.paysuite.methods.application.domain.model.VaultSecret {
        Blinded(String value) {
            super(value);
        }

        @Override
        protected String label() {
            return "blinded";
        }
    }

    private static DomainException tokenNotFound(String ref) {
        return new DomainException(DomainException.Kind.NOT_FOUND, ErrorCodes.RESOURCE_MISSING,
                "No such token: '" + ref + "'", "id");
    }

    @Override
    public Exchanged exchange(String merchantId, boolean livemode, String idempotencyKey, MethodInput card) {
        MethodDetails details = MethodDetails.parse(MethodType.CARD, card,
                YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        String secretHash = vault.secretHash(details.secret().orElseThrow());
        ShownDetails shown = details.shown();
        if (idempotencyKey != null) {
            Optional<Exchanged> earlier = earlier(merchantId, livemode, idempotencyKey, secretHash, shown);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        VaultToken token = transactions.inTransaction(() -> {
            VaultPort.Sealed sealed = vault.seal(details.secret().get());
            VaultToken made = new VaultToken(Ids.generate(VaultToken.PREFIX), merchantId, livemode, MethodType.CARD,
                    shown, sealed.recordId(), sealed.secretHash(), idempotencyKey, clock.instant());
            return tokens.insert(made) ? made : null;
        });
        if (token == null) {
            // Another request with the same key won the race: answer as a retry of it would be answered
            return earlier(merchantId, livemode, idempotencyKey, secretHash, shown)
                    .orElseThrow(() -> new IllegalStateException("The token of an idempotency key vanished"));
        }
        return new Exchanged(token, false);
    }

    private Optional<Exchanged> earlier(String merchantId, boolean livemode, String key, String secretHash,
            ShownDetails shown) {
        return tokens.byIdempotencyKey(merchantId, livemode, key).map(token -> {
            if (!token.secretHash().equals(secretHash) || !token.shown().equals(shown)) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                        "Keys for idempotent requests can only be used with the same card: this key was used with "
                                + "another one.", null);
            }
            return new Exchanged(token, true);
        });
    }

    @Override
    public AcquirerAnswer forward(Forward f) {
        if (f.destination() == null || !acquirers.knows(f.destination())) {
            throw DomainException.invalid(MethodErrorCodes.DESTINATION_UNKNOWN,
                    "Unknown {destination}: forwarding goes only to the acquirers the vault is configured with.",
                    "destination");
        }
        if (f.reason() == null || f.reason().isBlank() || f.reason().length() > 500) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{reason} is required (at most 500 characters): the audit log keeps why the card left the vault.",
                    "reason");
        }
        if (f.body() == null || !f.body().contains(CARD_NUMBER)) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "{body} must place the card number with " + CARD_NUMBER + ".", "body");
        }
        Instrument instrument;
        try {
            instrument = instrument(f.merchantId(), f.livemode(), f.instrument());
        } catch (DomainException e) {
            throw e.kind() == DomainException.Kind.NOT_FOUND
                    ? new DomainException(e.kind(), e.code(), e.getMessage(), INSTRUMENT_FIELD)
                    : e;
        }
        if (instrument.type() != MethodType.CARD || instrument.vaultRecordId() == null) {
            throw DomainException.invalid(ErrorCodes.PARAMETER_INVALID,
                    "Only cards are forwarded: {instrument} is a " + instrument.type().apiName() + ".",
                    INSTRUMENT_FIELD);
        }
        // The audit line commits before the card leaves the vault: no forwarding is ever off the record
        transactions.inTransaction(() -> audit.record(new VaultAccess(clock.instant(), VaultAccess.FORWARD,
                "merchant:" + f.merchantId(), instrument.vaultRecordId(), instrument.id(),
                f.reason() + " -> " + f.destination())));
        String number = vault.open(instrument.vaultRecordId());
        ShownDetails shown = instrument.shown();
        String body = f.body().replace(CARD_NUMBER, number)
                .replace(EXP_MONTH, String.valueOf(shown.expMonth()))
                .replace(EXP_YEAR, String.valueOf(shown.expYear()));
        return acquirers.post(f.destination(), body);
    }

    @Override
    public long recordsOnOldKeys() {
        return vault.recordsOnOldKeys();
    }

    @Override
    public int rotateBatch(int max) {
        return transactions.inTransaction(() -> vault.resealBatch(max));
    }
}
