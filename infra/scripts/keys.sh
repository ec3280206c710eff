#!/usr/bin/env bash
# The key pair the gateway signs caller-identity tokens with; services verify with the public half.
# Made once per checkout under .local/keys (git-ignored). Production mounts its own (see deploy/).
set -euo pipefail
source "$(dirname "$0")/common.sh"
dir="$LOCAL_DIR/keys"
if [ ! -f "$dir/gateway-signing.pem" ] || [ ! -f "$dir/gateway-verify.pem" ]; then
  mkdir -p "$dir"
  umask 077
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/gateway-signing.pem" 2>/dev/null
  openssl pkey -in "$dir/gateway-signing.pem" -pubout -out "$dir/gateway-verify.pem"
  chmod 644 "$dir/gateway-verify.pem"
  log "made the gateway signing key pair in $dir"
fi
