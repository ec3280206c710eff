#!/usr/bin/env bash
# The RS256 key pairs of the services that sign tokens, one pair per signer, made once per checkout
# under .local/keys (git-ignored): <name>-signing.pem (private, PKCS#8) and <name>-verify.pem (public).
# The gateway signs caller-identity tokens (and its own service tokens); a service that calls another
# service's /internal routes signs service tokens. Production mounts its own (see ARCHITECTURE.md).
# A new calling service is one more name in SIGNERS.
set -euo pipefail
source "$(dirname "$0")/common.sh"
SIGNERS=(gateway payments-service)
dir="$LOCAL_DIR/keys"
mkdir -p "$dir"
for name in "${SIGNERS[@]}"; do
  if [ ! -f "$dir/$name-signing.pem" ] || [ ! -f "$dir/$name-verify.pem" ]; then
    (
      umask 077
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/$name-signing.pem" 2>/dev/null
      openssl pkey -in "$dir/$name-signing.pem" -pubout -out "$dir/$name-verify.pem"
    )
    chmod 644 "$dir/$name-verify.pem"
    log "made the $name signing key pair in $dir"
  fi
done
