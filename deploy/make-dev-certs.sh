#!/usr/bin/env bash
# Makes the development PKI and identity provider of pif, for the local stack, the demo and the
# tests (not for production: there, certificates come from the council's PKI or cert-manager and
# tokens from the council's identity provider; docs/operations.md).
#
# Usage: deploy/make-dev-certs.sh DIR [DAYS]
#   DIR   where the files are written (created, mode 700)
#   DAYS  validity of the party certificates when (re)issued (default 30)
#
# Files in DIR:
#   ca.pem, ca.key                 a throwaway certificate authority (365 days)
#   <service>.pem, <service>.key   one per service (intake, indicators, workforce, reporting): CN and
#                                  DNS name pif-<service> (its service identity), also DNS <service>
#                                  and localhost and IP 127.0.0.1, so the same certificate serves the
#                                  local stack and a Kubernetes Service; server and client use
#   pifctl.pem, pifctl.key         a person's client certificate for pifctl: CN pif-pifctl, client
#                                  use only (never a service identity)
#   dev-idp.key                    the development identity provider's ES256 signing key (P-256)
#   jwks.json                      its JWKS, what the services' --jwks_file names
#
# Idempotent: a file that is still good is kept. A certificate that is missing, expired or within
# 7 days of expiry, not signed by the current CA, or without the names above is issued again
# (with a new key), and a renewed CA renews every certificate. Files are replaced by rename, so a
# running service (which watches its files) never reads half of one. Runs of this script on the
# same DIR are serialised (flock).
#
# The JWKS is made by `pifctl dev-jwks` (so it is what pif verifies against): PIFCTL names the
# binary, default build/tools/pifctl/pifctl of this repository.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
PIFCTL="${PIFCTL:-$REPO_ROOT/build/tools/pifctl/pifctl}"
readonly SERVICES=(intake indicators workforce reporting)
readonly CA_DAYS=365
readonly RENEW_SECONDS=$((7 * 24 * 3600))

log() { printf '[pif] %s\n' "$*" >&2; }
die() {
  printf '[pif] error: %s\n' "$*" >&2
  exit 1
}

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: deploy/make-dev-certs.sh DIR [DAYS]" >&2
  exit 2
fi
DIR=$1
DAYS=${2:-30}
[[ "$DAYS" =~ ^[0-9]+$ ]] && ((DAYS >= 8)) || die "DAYS must be a whole number of at least 8"
command -v openssl >/dev/null 2>&1 || die "openssl is not installed (deploy/install-deps.sh)"

mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"
umask 077
exec 9>.lock
flock 9

CHANGED=()

# A new P-256 key and a certificate signing request for CN=$2, written to $1.key.new/$1.csr.
new_key_and_request() {
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$1.key.new" -out "$1.csr" -subj "/CN=$2" 2>/dev/null
}

# True when certificate $1 is valid for at least 7 more days.
lasts_a_week() {
  openssl x509 -in "$1" -noout -checkend "$RENEW_SECONDS" >/dev/null 2>&1
}

# The subject alternative names of certificate $1 as openssl prints them, on one line.
names_of() {
  openssl x509 -in "$1" -noout -ext subjectAltName 2>/dev/null | tail -n +2 | tr -d ' \n'
}

# The CA: kept while it lasts a week; otherwise a new one (every party certificate follows).
if [[ -f ca.pem && -f ca.key ]] && lasts_a_week ca.pem; then
  :
else
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout ca.key.new -out ca.pem.new -days "$CA_DAYS" -subj "/CN=pif development CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    2>/dev/null
  mv -f ca.key.new ca.key
  mv -f ca.pem.new ca.pem
  CHANGED+=(ca)
fi

# Issues (or keeps) the certificate of party $1 with common name $2, the extensions in $3 and the
# subject alternative names $4 (as openssl prints them, to compare with a certificate's).
issue() {
  local party=$1 cn=$2 extensions=$3 expected_names=$4
  if [[ -f "$party.pem" && -f "$party.key" ]] && lasts_a_week "$party.pem" &&
    openssl verify -CAfile ca.pem "$party.pem" >/dev/null 2>&1 &&
    [[ "$(names_of "$party.pem")" == "$expected_names" ]]; then
    return 0
  fi
  new_key_and_request "$party" "$cn"
  printf '%s\n' "$extensions" >"$party.ext"
  openssl x509 -req -in "$party.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "$DAYS" \
    -extfile "$party.ext" -out "$party.pem.new" 2>/dev/null
  rm -f "$party.csr" "$party.ext"
  # The key first: a watcher that sees the new certificate finds its key already in place.
  mv -f "$party.key.new" "$party.key"
  mv -f "$party.pem.new" "$party.pem"
  CHANGED+=("$party")
}

for service in "${SERVICES[@]}"; do
  issue "$service" "pif-$service" \
    "subjectAltName=DNS:pif-$service,DNS:$service,DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth,clientAuth
keyUsage=critical,digitalSignature" \
    "DNS:pif-$service,DNS:$service,DNS:localhost,IPAddress:127.0.0.1"
done
issue pifctl pif-pifctl \
  "subjectAltName=DNS:pif-pifctl
extendedKeyUsage=clientAuth
keyUsage=critical,digitalSignature" \
  "DNS:pif-pifctl"

# The identity provider: a signing key kept for good, and its JWKS made again when missing or
# older than the key.
if [[ ! -f dev-idp.key ]]; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out dev-idp.key.new 2>/dev/null
  mv -f dev-idp.key.new dev-idp.key
  CHANGED+=(dev-idp)
fi
if [[ ! -f jwks.json || dev-idp.key -nt jwks.json ]]; then
  [[ -x "$PIFCTL" ]] || die "the JWKS is made by pifctl, which is not built at $PIFCTL (build first: deploy/local-stack.sh builds it; or set PIFCTL)"
  "$PIFCTL" dev-jwks --signing_key=dev-idp.key --out=jwks.json.new >/dev/null
  chmod 644 jwks.json.new
  mv -f jwks.json.new jwks.json
  CHANGED+=(jwks)
fi
chmod 600 ./*.key
chmod 644 ./*.pem jwks.json

if ((${#CHANGED[@]} > 0)); then
  log "dev PKI in $DIR: made or renewed ${CHANGED[*]}; services watching these files pick them up"
else
  log "dev PKI in $DIR: every certificate is valid for at least 7 more days; nothing changed"
fi
