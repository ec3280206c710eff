-- Where the payer goes back to after a 3-D Secure challenge (POST /v1/payments return_url).
ALTER TABLE payments ADD COLUMN return_url varchar(2048);

-- The simulated card issuer's 3-D Secure challenges (a real issuer keeps these on its side): one per
-- payment that asked for it, answered once on the challenge page /3ds/{challenge_id}.
CREATE TABLE simulator_challenges (
    challenge_id varchar(32)  PRIMARY KEY,
    payment_id   varchar(64)  NOT NULL UNIQUE,
    merchant_id  varchar(64)  NOT NULL,
    livemode     boolean      NOT NULL,
    state        varchar(16)  NOT NULL CHECK (state IN ('pending', 'approved', 'failed')),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    answered_at  timestamptz,
    CHECK ((state = 'pending') = (answered_at IS NULL))
);
