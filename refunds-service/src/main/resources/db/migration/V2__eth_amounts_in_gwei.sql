-- ETH's minor unit becomes the gwei (10^9 wei) instead of the wei, as in payments-service (its V3).
-- Stored ETH amounts become gwei, ROUNDED UP to a whole gwei: the old limit was 99,999,999,999 wei
-- (under 100 gwei), so most were fractions of a gwei. Rounding up keeps every refund above 0.
-- What refunds claim of a payment (amount_reserved) stays the sum of its pending and succeeded
-- refunds, as converted, so that a failed refund gives back exactly what it claimed. Rounding each
-- refund up can make that sum exceed the captured amount rounded up (by under a gwei per refund);
-- the view then counts as captured (and as the amount, if need be) what its refunds claim, the rule
-- it already keeps for news from payments.events: reserved <= captured holds and nothing is left.
-- No test method paid in ETH before this version (cards refuse crypto currencies), so this is
-- expected to find no rows; it is written for any there are. Events already on refunds.events and
-- stored idempotent answers are history and keep the wei they were written with.
UPDATE refunds
SET amount = (amount + 999999999) / 1000000000
WHERE currency = 'ETH';

UPDATE refundable_payments p
SET amount          = GREATEST((p.amount + 999999999) / 1000000000, claims.claimed),
    amount_captured = GREATEST((p.amount_captured + 999999999) / 1000000000, claims.claimed),
    amount_reserved = claims.claimed
FROM (SELECT v.payment_id,
             COALESCE(SUM(r.amount) FILTER (WHERE r.status IN ('PENDING', 'SUCCEEDED')), 0) AS claimed
      FROM refundable_payments v
      LEFT JOIN refunds r ON r.payment_id = v.payment_id
      WHERE v.currency = 'ETH'
      GROUP BY v.payment_id) claims
WHERE p.payment_id = claims.payment_id;
