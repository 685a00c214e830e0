#!/usr/bin/env bash
# Makes a development certificate authority and one certificate per pif service and for pifctl,
# for running the stack with mutual TLS on one machine (not for production: there, certificates
# come from the council's PKI or cert-manager).
#
# Usage: deploy/make-dev-certs.sh DIR [DAYS]
#   DIR   where ca.pem, ca.key and <party>.pem/.key are written (created; existing files kept)
#   DAYS  validity of the party certificates (default 30)
# Each certificate is for 127.0.0.1 and localhost and may act as server and client.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: deploy/make-dev-certs.sh DIR [DAYS]" >&2
  exit 2
fi
DIR=$1
DAYS=${2:-30}
PARTIES=(intake indicators workforce reporting pifctl)
KEY_OPTIONS=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)

mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"
if [[ ! -f ca.pem ]]; then
  openssl req -x509 "${KEY_OPTIONS[@]}" -keyout ca.key -out ca.pem -days 365 \
    -subj "/CN=pif development CA" 2>/dev/null
fi
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' \
  >party.ext
for party in "${PARTIES[@]}"; do
  [[ -f "$party.pem" ]] && continue
  openssl req "${KEY_OPTIONS[@]}" -keyout "$party.key" -out "$party.csr" \
    -subj "/CN=pif-$party" 2>/dev/null
  openssl x509 -req -in "$party.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "$DAYS" \
    -extfile party.ext -out "$party.pem" 2>/dev/null
  rm -f "$party.csr"
done
chmod 600 ./*.key
echo "[pif] certificates in $DIR: ca.pem, ${PARTIES[*]/%/.pem}"
