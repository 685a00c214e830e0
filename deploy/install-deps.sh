#!/usr/bin/env bash
# Installs everything pif needs to build, test and run locally, from Debian 12's packages,
# then the npm tooling pinned in package-lock.json (buf, kustomize, the Kubernetes
# models). The deploy test's podman, runc and debootstrap are in the list too: the test command
# runs that test on every machine.
#
# Usage: deploy/install-deps.sh
#
# Idempotent and fast when everything is present: it asks dpkg what is installed and only
# runs `apt-get update` + `apt-get install` for what is missing; `npm ci` runs only when
# node_modules is missing or older than package-lock.json. Uses sudo when not root.
#
# Installing postgresql-15 makes Debian create (and maybe start) a default cluster on port
# 5432. pif never uses it: local and test runs start their own throwaway cluster with
# deploy/pg-cluster.sh, so this script leaves that default cluster alone.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '[pif] %s\n' "$*" >&2; }
die() {
  printf '[pif] error: %s\n' "$*" >&2
  exit 1
}

if [[ $# -gt 0 ]]; then
  case "$1" in
    -h | --help)
      echo "usage: deploy/install-deps.sh"
      exit 0
      ;;
    *)
      echo "usage: deploy/install-deps.sh" >&2
      exit 2
      ;;
  esac
fi

export DEBIAN_FRONTEND=noninteractive

# Debian 12 package names. Server binaries of postgresql-15 live in /usr/lib/postgresql/15/bin.
PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git ca-certificates
  # gRPC, protobuf, abseil
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev
  # PostgreSQL client libraries
  libpqxx-dev libpq-dev
  # other libraries
  libcsv-dev nlohmann-json3-dev libssl-dev
  # metrics: prometheus-cpp (core, and pull: the /metrics endpoint on civetweb)
  prometheus-cpp-dev
  # bearer tokens (JWT) of the callers' identity provider
  libjwt-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev chromium
  # certificates for the mutual TLS tests and for operators (deploy/make-dev-certs.sh)
  openssl
  # runtime data (absl::LoadTimeZone reads the system's tzdata)
  tzdata
  # throwaway PostgreSQL clusters for the local stack and the tests
  postgresql-15 postgresql-client-15
  # independent health-check client
  python3 python3-grpcio
  # formatting (Debian 12: clang-format 14)
  clang-format
  # npm tooling (buf)
  nodejs npm
  # scripts
  procps curl
  # the deploy test (tests/deploy, its own step of tests/run-tests.sh) and deploy/build-images.sh:
  # podman with runc, netavark and aardvark-dns (the network's DNS, which the Services' names
  # need; a recommendation of podman, so named here), iptables for netavark, fuse-overlayfs for
  # podman inside a container, debootstrap to make the Debian base image without a registry
  podman runc netavark aardvark-dns iptables fuse-overlayfs debootstrap
)

# One dpkg-query call for all packages; unknown packages only print to stderr.
declare -A installed=()
while read -r name status; do
  if [[ "$status" == "install ok installed" ]]; then
    installed["$name"]=1
  fi
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)

missing=()
for pkg in "${PACKAGES[@]}"; do
  if [[ -n "${installed[$pkg]:-}" ]]; then
    continue
  fi
  # A Node.js build that bundles npm (e.g. NodeSource's) conflicts with Debian's npm
  # package: an npm already on PATH is good enough.
  if [[ "$pkg" == npm ]] && command -v npm >/dev/null 2>&1; then
    continue
  fi
  missing+=("$pkg")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  log "installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
  SUDO=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed: install as root: ${missing[*]}"
    SUDO=(sudo)
  fi
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 \
    install -y --no-install-recommends "${missing[@]}"
else
  log "Debian packages: all ${#PACKAGES[@]} present"
fi

# npm tooling pinned by the repository (package.json / package-lock.json at the root).
cd "$REPO_ROOT"
if [[ -f package.json ]]; then
  if [[ ! -f package-lock.json ]]; then
    die "package.json has no package-lock.json next to it; run 'npm install' once and commit the lock file"
  fi
  if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
    log "npm ci (node_modules missing or older than package-lock.json)"
    if ! npm ci --no-audit --no-fund 2>"$REPO_ROOT/.npm-ci.log"; then
      cat "$REPO_ROOT/.npm-ci.log" >&2
      if grep -q -E 'CERT|certificate' "$REPO_ROOT/.npm-ci.log"; then
        # A TLS-intercepting proxy whose CA this machine does not trust. The packages are still
        # verified: npm ci checks every tarball against the sha512 integrity in package-lock.json.
        log "npm ci failed on a certificate; retrying with TLS verification off (integrity hashes still enforced)"
        npm ci --no-audit --no-fund --strict-ssl=false
      else
        rm -f "$REPO_ROOT/.npm-ci.log"
        die "npm ci failed"
      fi
    fi
    rm -f "$REPO_ROOT/.npm-ci.log"
    touch node_modules
  else
    log "npm packages: node_modules is up to date"
  fi
else
  log "no package.json at the repository root: skipping npm ci"
fi

log "dependencies ready"
