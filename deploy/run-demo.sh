#!/usr/bin/env bash
# The main job of pif, in one command: install what is missing, build, start the local stack
# (throwaway PostgreSQL and the four services, with mutual TLS and a development identity
# provider), generate a synthetic sample council (or take a council's own CSV files with --data
# DIR), import it, compute every indicator, publish the PIF report and write report.html,
# report.csv and report.json to an output folder. pifctl calls with its client certificate and a
# dev token for the council (roles submitter, analyst and publisher: what the demo does).
#
# Usage: deploy/run-demo.sh [--data DIR] [--council GSS] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
#                           [--children N] [--out DIR]
#   --data DIR      import this council's CSV files (case-data.md layout) instead of the sample
#   --council GSS   council code (default S12000033)
#   --from, --to    the reporting period (default the CLAS year 2024-08-01 to 2025-07-31)
#   --children N    size of the sample council (default 5000)
#   --out DIR       where the report files go (default out/)
# A second run reuses the build, the cluster, the running services and the generated sample;
# importing the same files again is a replay that changes nothing.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly BUILD_DIR="$REPO_ROOT/build"
readonly PIFCTL="$BUILD_DIR/tools/pifctl/pifctl"
readonly SAMPLE_BIN="$BUILD_DIR/tools/sample_council/pif-sample-council"

log() { printf '[pif] %s\n' "$*" >&2; }
die() {
  printf '[pif] error: %s\n' "$*" >&2
  exit 1
}
usage() {
  sed -n '9,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-2}"
}

DATA_DIR=""
COUNCIL="S12000033"
FROM="2024-08-01"
TO="2025-07-31"
CHILDREN=5000
OUT_DIR="$REPO_ROOT/out"
while (($#)); do
  case "$1" in
    --data) DATA_DIR="$(cd "${2:?--data needs a folder}" && pwd)"; shift 2 ;;
    --council) COUNCIL="${2:?}"; shift 2 ;;
    --from) FROM="${2:?}"; shift 2 ;;
    --to) TO="${2:?}"; shift 2 ;;
    --children) CHILDREN="${2:?}"; shift 2 ;;
    --out) OUT_DIR="${2:?}"; shift 2 ;;
    -h | --help) usage 0 ;;
    *) usage ;;
  esac
done

step() { log "==== $*"; }

step "1/6 local stack (install, build, dev PKI, PostgreSQL, four services)"
"$REPO_ROOT/deploy/local-stack.sh" up

# pifctl calls as a person of the council: its client certificate of the dev PKI, and a token of
# the dev identity provider for the roles the demo needs (send records, compute, publish).
eval "$("$REPO_ROOT/deploy/local-stack.sh" env)"
readonly TOKEN_FILE="$REPO_ROOT/.pif/run/demo.token"
"$REPO_ROOT/deploy/make-dev-token.sh" --dir "$REPO_ROOT/.pif/certs" --subject demo \
  --roles submitter,analyst,publisher --councils "$COUNCIL" --lifetime 2h --out "$TOKEN_FILE"
export PIF_TOKEN_FILE="$TOKEN_FILE"
log "pifctl calls with .pif/certs/pifctl.pem and a 2-hour token for $COUNCIL (.pif/run/demo.token)"

if [[ -z "$DATA_DIR" ]]; then
  DATA_DIR="$REPO_ROOT/.pif/sample-$CHILDREN"
  step "2/6 sample council of $CHILDREN children in $DATA_DIR"
  if [[ -f "$DATA_DIR/.complete" ]]; then
    log "reusing the sample generated earlier"
  else
    rm -rf "$DATA_DIR"
    "$SAMPLE_BIN" --children "$CHILDREN" --seed 1 --out "$DATA_DIR" >&2
    touch "$DATA_DIR/.complete"
  fi
else
  step "2/6 using the council's own files in $DATA_DIR"
fi

step "3/6 import into intake, workforce and reporting"
set +e
"$PIFCTL" import --council "$COUNCIL" "$DATA_DIR"
import_status=$?
set -e
case "$import_status" in
  0) log "every record was accepted" ;;
  1) log "some records were rejected (listed above); they are kept at intake for correction" ;;
  *) die "the import failed (exit status $import_status)" ;;
esac

step "4/6 compute every indicator for $FROM to $TO"
"$PIFCTL" indicators --council "$COUNCIL" --from "$FROM" --to "$TO" --format table >&2

mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
step "5/6 publish the report (disclosure control applied) and render it"
publish_output="$("$PIFCTL" report --council "$COUNCIL" --from "$FROM" --to "$TO" --publish \
  --format html -o "$OUT_DIR/report.html")"
printf '%s\n' "$publish_output" >&2
version="$(printf '%s\n' "$publish_output" | sed -n 's/.*: published version \([0-9][0-9]*\).*/\1/p' | head -n 1)"
[[ -n "$version" ]] || die "pifctl report did not say which version it published"
for format in csv json; do
  "$PIFCTL" report --council "$COUNCIL" --published_version "$version" --format "$format" \
    -o "$OUT_DIR/report.$format" >/dev/null
done
log "published version $version; report.csv and report.json render the same version"

step "6/6 done"
printf 'report.html  %s\n' "$OUT_DIR/report.html"
printf 'report.csv   %s\n' "$OUT_DIR/report.csv"
printf 'report.json  %s\n' "$OUT_DIR/report.json"
log "council $COUNCIL, period $FROM to $TO; the services keep running: deploy/local-stack.sh down stops them"
