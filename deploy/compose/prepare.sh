#!/usr/bin/env bash
# Gets a checkout ready for `docker compose up`:
#  - .env at the root with fresh random secrets (from .env.example), unless there is one already;
#  - the RS256 key pairs of the signers (infra/scripts/keys.sh, under .local/keys), copied to
#    .local/compose/keys (PAYSUITE_KEYS_DIR) where the containers' user (uid 185) can read them:
#    the files are world-readable, the folder is not, and compose mounts the files one by one.
# Nothing it writes is committed (.env and .local/ are git-ignored).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/infra/scripts/common.sh"

secret() { openssl rand -base64 32; }

if [ -f "$ROOT/.env" ]; then
  log ".env exists; keeping it"
else
  (
    umask 077
    while IFS= read -r line; do
      case "$line" in
        *_PASSWORD=change-me) echo "${line%%=*}=$(openssl rand -hex 24)" ;;
        *=change-me) echo "${line%%=*}=$(secret)" ;;
        *) echo "$line" ;;
      esac
    done <"$ROOT/.env.example" >"$ROOT/.env"
  )
  log "wrote .env with fresh secrets (keep it: the vault's keys open the stored cards)"
fi

bash "$ROOT/infra/scripts/keys.sh"
keys_dir="$(grep -E '^PAYSUITE_KEYS_DIR=' "$ROOT/.env" | cut -d= -f2- || true)"
keys_dir="${keys_dir:-./.local/compose/keys}"
case "$keys_dir" in /*) ;; *) keys_dir="$ROOT/${keys_dir#./}" ;; esac
mkdir -p "$keys_dir"
chmod 700 "$keys_dir"
for f in "$LOCAL_DIR"/keys/*.pem; do
  install -m 644 "$f" "$keys_dir/$(basename "$f")"
done
log "key files for the containers in $keys_dir"
