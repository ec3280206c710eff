#!/usr/bin/env bash
# Writes deploy/base/keycloak/paysuite-realm-import.json, the KeycloakRealmImport the Keycloak operator
# imports in Kubernetes, from paysuite-realm.json (the one definition of the realm: roles, scopes, mappers,
# the user profile, the clients). What differs, so that no secret of this repository reaches a cluster:
#   - the local-only demo and test clients (demo-partner, test-*) and users (demo, their service accounts)
#     are left out; a deployment makes its partners' clients through the admin console or API;
#   - paysuite-admin-cli's secret is the placeholder ${PAYSUITE_ADMIN_CLI_SECRET}, which the operator fills
#     from the Secret paysuite-keycloak-clients (key admin-cli-secret) at import time;
#   - paysuite-dashboard's redirect URIs and web origins are empty here; each overlay sets its own (logout
#     redirects: the same, "+");
#   - the display name drops "(local)".
# Run it after changing paysuite-realm.json; KubernetesManifestsTest fails while the two disagree.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "$here/../base/keycloak" && pwd)/paysuite-realm-import.json"
jq --indent 2 '
  def kept_clients: ["paysuite-dashboard", "paysuite-admin-cli"];
  {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "paysuite-realm" },
    spec: {
      keycloakCRName: "paysuite-keycloak",
      placeholders: {
        PAYSUITE_ADMIN_CLI_SECRET: { secret: { name: "paysuite-keycloak-clients", key: "admin-cli-secret" } }
      },
      realm: (
        .displayName = "PaySuite"
        | .clients |= [ .[] | select(.clientId as $id | kept_clients | index($id))
          | if .clientId == "paysuite-admin-cli" then
              .secret = "${PAYSUITE_ADMIN_CLI_SECRET}"
              | .description = "Calls the gateway'"'"'s admin API (realm role admin, client credentials). Its secret comes from the Secret paysuite-keycloak-clients."
            else . end
          | if .clientId == "paysuite-dashboard" then
              .redirectUris = [] | .webOrigins = [] | .attributes["post.logout.redirect.uris"] = "+"
            else . end ]
        | .users |= [ .[] | select(.serviceAccountClientId == "paysuite-admin-cli") ]
      )
    }
  }' "$here/paysuite-realm.json" > "$out"
echo "wrote $out"
