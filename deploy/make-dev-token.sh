#!/usr/bin/env bash
# Mints a bearer token for the local stack from the development identity provider's signing key
# (made by deploy/make-dev-certs.sh), for pifctl's --token_file or PIF_TOKEN_FILE. The local
# stack's services verify it (issuer https://idp.pif.local, audience pif by default). Never for
# production: there the council's own identity provider issues the tokens.
#
# Usage: deploy/make-dev-token.sh [--dir DIR] --roles R[,R...] --councils GSS[,GSS...]
#                                 [--subject NAME] [--lifetime 8h] [--issuer URL]
#                                 [--audience NAME] [--out FILE]
#   --dir DIR      the dev PKI folder holding dev-idp.key (default .pif/certs, the local stack's)
#   --roles        submitter, analyst, publisher, viewer, auditor, admin (docs/operations.md)
#   --councils     the GSS codes the caller may act for
#   --subject      who the token names (default dev-user)
#   --lifetime     how long it is valid (default 8h)
#   --out FILE     write the token there (mode 600) instead of printing it
# Example: deploy/make-dev-token.sh --roles analyst --councils S12000033 --out /tmp/analyst.token
#          build/tools/pifctl/pifctl indicators --token_file=/tmp/analyst.token ...
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
PIFCTL="${PIFCTL:-$REPO_ROOT/build/tools/pifctl/pifctl}"
DIR="$REPO_ROOT/.pif/certs"

usage() {
  sed -n '7,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-2}"
}

ARGS=()
while (($#)); do
  case "$1" in
    --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
    --dir=*) DIR="${1#--dir=}"; shift ;;
    -h | --help) usage 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
[[ -f "$DIR/dev-idp.key" ]] ||
  { echo "[pif] error: no signing key $DIR/dev-idp.key: run deploy/make-dev-certs.sh $DIR first" >&2; exit 1; }
[[ -x "$PIFCTL" ]] ||
  { echo "[pif] error: pifctl is not built at $PIFCTL (deploy/local-stack.sh builds it)" >&2; exit 1; }
exec "$PIFCTL" dev-token --signing_key="$DIR/dev-idp.key" "${ARGS[@]}"
