-- ETH's minor unit becomes the gwei (10^9 wei) instead of the wei (10^18 to the ether): in wei no
-- real ETH amount fits under the amount limit, nor exactly in a JSON number. Stored ETH amounts
-- become gwei, ROUNDED UP to a whole gwei: the old limit was 99,999,999,999 wei (under 100 gwei),
-- so most were fractions of a gwei. Rounding up keeps every amount above 0, and being monotone it
-- keeps amount_captured <= amount and amount_refunded <= amount_captured (the CHECKs hold).
-- When rounding makes the refunded amount reach the captured one, the payment is refunded, as the
-- domain's rule has it (a remainder under a gwei can no longer be refunded).
-- No test method paid in ETH before this version (cards refuse crypto currencies), so this is
-- expected to find no rows; it is written for any there are. Events already on payments.events
-- and stored idempotent answers are history and keep the wei they were written with.
UPDATE payments
SET amount          = (amount + 999999999) / 1000000000,
    amount_captured = (amount_captured + 999999999) / 1000000000,
    amount_refunded = (amount_refunded + 999999999) / 1000000000
WHERE currency = 'ETH';

UPDATE payments
SET status = 'REFUNDED'
WHERE currency = 'ETH' AND status = 'PARTIALLY_REFUNDED' AND amount_refunded = amount_captured;
