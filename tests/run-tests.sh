#!/usr/bin/env bash
# THE test command of pif (README, .ci/run).
#
# Usage: tests/run-tests.sh [--quick] [--sanitize]
#   (default)   install dependencies, build into build/ (RelWithDebInfo), buf lint, buf breaking
#               against main (when on another commit than the main branch), clang-format check,
#               the layer check (tests/check-layers.py),
#               start a throwaway PostgreSQL in .pif/test-pg on a free port, make the run's dev
#               PKI and identity provider in .pif/test-identity (deploy/make-dev-certs.sh), ctest,
#               then tests/e2e/health_check.py when present, then the deploy test (ctest -L
#               deploy: images from this build, the dev overlay under podman; its time printed)
#   --sanitize  build into build-asan/ with address and undefined-behaviour sanitizers and run
#               only the tests labelled `unit` there (no lint, no format check, no PostgreSQL)
#   --quick     skip deploy/install-deps.sh
#
# The C++ integration tests read PIF_TEST_PG (a libpq connection string of a superuser on the
# throwaway cluster; they create their own databases with it), PIF_BUILD_DIR (the absolute
# build folder, where the service binaries are) and PIF_TEST_IDENTITY (the certificates, signing
# key and JWKS every test starts the services with and calls them with: made once per run, not
# once per test process). The cluster is stopped on exit, also on failure.
# Prints a one-line summary at the end; exits non-zero when any step failed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly PG_DIR="$REPO_ROOT/.pif/test-pg"
readonly IDENTITY_DIR="$REPO_ROOT/.pif/test-identity"
readonly FIRST_PG_PORT=56432

log() { printf '[pif] %s\n' "$*" >&2; }
usage() {
  echo "usage: tests/run-tests.sh [--quick] [--sanitize]" >&2
  exit "${1:-2}"
}

QUICK=0
SANITIZE=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --sanitize) SANITIZE=1 ;;
    -h | --help) usage 0 ;;
    *) usage ;;
  esac
done

if ((SANITIZE)); then
  BUILD_DIR="$REPO_ROOT/build-asan"
else
  BUILD_DIR="$REPO_ROOT/build"
fi
readonly BUILD_DIR

cd "$REPO_ROOT"

# ---- bookkeeping: every step is recorded as ok, FAILED or skipped for the summary ----------
SUMMARY=()
FAILURES=0
START_TIME=$SECONDS
PG_STARTED=0

record() {
  SUMMARY+=("$1 $2")
  if [[ "$2" == FAILED ]]; then
    FAILURES=$((FAILURES + 1))
  fi
}

# run_step NAME FUNCTION: runs FUNCTION, records the outcome, returns its status.
run_step() {
  local name="$1" fn="$2" t0=$SECONDS
  log "---- $name"
  if "$fn"; then
    log "$name: ok ($((SECONDS - t0)) s)"
    record "$name" ok
    return 0
  fi
  log "$name: FAILED ($((SECONDS - t0)) s)"
  record "$name" FAILED
  return 1
}

finish() {
  local status=$?
  trap - EXIT
  if ((PG_STARTED)); then
    "$REPO_ROOT/deploy/pg-cluster.sh" stop "$PG_DIR" || true
  fi
  if ((status != 0 && FAILURES == 0)); then
    # Ended by something other than a recorded step (an interrupt, a script error).
    record interrupted FAILED
  fi
  local verdict=PASSED joined="" item
  if ((FAILURES > 0)); then
    verdict=FAILED
  fi
  for item in "${SUMMARY[@]}"; do
    joined+="${joined:+, }$item"
  done
  printf '[pif] summary: %s in %d s (%s)\n' "$verdict" "$((SECONDS - START_TIME))" "$joined"
  if ((FAILURES > 0 && status == 0)); then
    exit 1
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- steps --------------------------------------------------------------------------------
step_deps() {
  "$REPO_ROOT/deploy/install-deps.sh"
}

step_build() {
  local args=(-S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPIF_BUILD_TESTS=ON)
  if ((SANITIZE)); then
    args+=(-DPIF_SANITIZE=ON -DPIF_BUILD_BENCHMARKS=OFF)
  else
    # Explicit, so that a build/ last configured by deploy/local-stack.sh (benchmarks off)
    # still compiles the benchmarks here.
    args+=(-DPIF_SANITIZE=OFF -DPIF_BUILD_BENCHMARKS=ON)
  fi
  # The generator of an existing build folder cannot change; choose it only for a new one.
  if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]] && command -v ninja >/dev/null 2>&1; then
    args+=(-G Ninja)
  fi
  cmake "${args[@]}" || return 1
  cmake --build "$BUILD_DIR" -j2 || return 1
}

# buf comes from the repository's pinned npm packages (@bufbuild/buf); --no: never download.
step_buf_lint() {
  npx --no -- buf lint
}

step_buf_breaking() {
  npx --no -- buf breaking --against '.git#branch=main'
}

on_main_commit() {
  [[ "$(git rev-parse HEAD 2>/dev/null)" == "$(git rev-parse refs/heads/main 2>/dev/null)" ]]
}

have_main_branch() {
  git rev-parse --verify -q refs/heads/main >/dev/null 2>&1
}

step_format() {
  local files=() bad=() f
  local patterns=('services/*.h' 'services/*.cc' 'tools/*.h' 'tools/*.cc' 'tests/*.h' 'tests/*.cc')
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -d '' files < <(git ls-files -z -- "${patterns[@]}")
  else
    log "not a git work tree: checking every *.h and *.cc under services/ tools/ tests/"
    mapfile -d '' files < <(find services tools tests -type f \( -name '*.h' -o -name '*.cc' \) -print0 2>/dev/null)
  fi
  if ! command -v clang-format >/dev/null 2>&1; then
    log "clang-format is not installed (run deploy/install-deps.sh)"
    return 1
  fi
  for f in "${files[@]}"; do
    [[ -f "$f" ]] || continue # tracked but deleted in the work tree
    if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
      bad+=("$f")
    fi
  done
  log "clang-format checked ${#files[@]} file(s)"
  if ((${#bad[@]} > 0)); then
    log "${#bad[@]} file(s) not formatted with clang-format ($(clang-format --version | head -n1)):"
    printf '  %s\n' "${bad[@]}" >&2
    log "fix with: clang-format -i ${bad[*]}"
    return 1
  fi
}

# The layers of docs/architecture.md, read from the build's own description of its targets.
step_layers() {
  python3 "$REPO_ROOT/tests/check-layers.py" "$BUILD_DIR"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

step_postgres() {
  # A fresh cluster for every run: stop and remove what an earlier run may have left.
  "$REPO_ROOT/deploy/pg-cluster.sh" stop "$PG_DIR" || return 1
  rm -rf -- "$PG_DIR"
  local port=$FIRST_PG_PORT
  while port_open "$port"; do
    port=$((port + 1))
    if ((port >= FIRST_PG_PORT + 200)); then
      log "no free port in $FIRST_PG_PORT..$((FIRST_PG_PORT + 199))"
      return 1
    fi
  done
  PG_STARTED=1
  local conn
  conn="$("$REPO_ROOT/deploy/pg-cluster.sh" start "$PG_DIR" "$port")" || return 1
  export PIF_TEST_PG="$conn"
  log "PIF_TEST_PG=\"$PIF_TEST_PG\""
}

# A fresh dev PKI and identity provider for the run (the services refuse to start without TLS
# and an identity provider).
step_identity() {
  rm -rf -- "$IDENTITY_DIR"
  PIFCTL="$BUILD_DIR/tools/pifctl/pifctl" "$REPO_ROOT/deploy/make-dev-certs.sh" "$IDENTITY_DIR" ||
    return 1
  export PIF_TEST_IDENTITY="$IDENTITY_DIR"
}

step_ctest() {
  local args=(--test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout 300 --no-tests=error)
  if ((SANITIZE)); then
    args+=(-L unit)
  else
    args+=(-LE deploy) # its own step, below
  fi
  ctest "${args[@]}"
}

# The deploy test (tests/deploy/deploy-test.sh): images assembled from this build, the dev
# overlay run under podman, a council imported, computed and published over mutual TLS with a
# token, a killed service back and answering; everything removed afterwards. Bounded (ctest
# timeout 1200 s, the script's own 900 s). run_step prints its time.
step_deploy() {
  ctest --test-dir "$BUILD_DIR" --output-on-failure -L deploy --no-tests=error
}

step_e2e() {
  # Debian's python3 has python3-grpcio; a python3 earlier on PATH (pyenv, venv) may not.
  local py=python3
  if [[ -x /usr/bin/python3 ]]; then
    py=/usr/bin/python3
  fi
  "$py" tests/e2e/health_check.py
}

# ---- the run --------------------------------------------------------------------------------
export PIF_BUILD_DIR="$BUILD_DIR"
MODE=full
if ((SANITIZE)); then
  MODE=sanitize
fi
log "pif tests ($MODE run) in $REPO_ROOT, build folder $BUILD_DIR"

if ((QUICK)); then
  record deps skipped
else
  run_step deps step_deps || exit 1
fi

run_step build step_build || exit 1

if ((SANITIZE)); then
  run_step ctest-unit step_ctest || true
  exit 0 # finish() turns recorded failures into a non-zero status
fi

run_step buf-lint step_buf_lint || true

if have_main_branch && ! on_main_commit; then
  run_step buf-breaking step_buf_breaking || true
else
  log "buf breaking: skipped (no main branch, or HEAD is main)"
  record buf-breaking skipped
fi

run_step format step_format || true
run_step layers step_layers || true

if run_step postgres step_postgres && run_step pki step_identity; then
  run_step ctest step_ctest || true
  if [[ -f tests/e2e/health_check.py ]]; then
    run_step e2e step_e2e || true
  else
    log "e2e: skipped (no tests/e2e/health_check.py)"
    record e2e skipped
  fi
  run_step deploy step_deploy || true
else
  record ctest skipped
  record e2e skipped
  record deploy skipped
fi

exit 0 # finish() turns recorded failures into a non-zero status
