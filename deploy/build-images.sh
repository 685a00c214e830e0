#!/usr/bin/env bash
# Builds pif's container images with podman: pif-intake, pif-indicators, pif-workforce,
# pif-reporting, pifctl (pifctl and pif-sample-council) and pif-postgres (the dev overlay's
# database), tagged localhost/<name>:<tag>.
#
# Usage: deploy/build-images.sh [--from-source] [--build-dir DIR] [--tag TAG]
#   (default)      assemble the images from the binaries of an existing build (DIR, default
#                  build/): `cmake --install` lays them out, deploy/container/Containerfile.prebuilt
#                  copies them onto the runtime image. What the test suite does: CI compiles once.
#   --from-source  compile inside the build stage of deploy/container/Containerfile (releases;
#                  takes as long as a full build)
#   --tag TAG      image tag (default dev; the dev overlay uses dev)
#
# Base images: docker.io/library/debian:bookworm and :bookworm-slim. When they are not in local
# storage they are made here, since no image registry may be reachable: a minimal Debian 12
# (`debootstrap --variant=minbase bookworm` from this machine's own apt mirror) imported with
# `podman import` under both names. Needs root, podman, runc and debootstrap
# (deploy/install-deps.sh installs them).
#
# Podman here runs with runc and without its default ulimits (refused in this sandbox): unless
# CONTAINERS_CONF is set, this script writes .pif/containers/containers.conf and uses it; source
# deploy/container/podman-env.sh to do the same in a shell.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
log() { printf '[pif] %s\n' "$*" >&2; }
die() {
  printf '[pif] error: %s\n' "$*" >&2
  exit 1
}

FROM_SOURCE=0
BUILD_DIR="$REPO_ROOT/build"
TAG=dev
while [[ $# -gt 0 ]]; do
  case "$1" in
    --from-source) FROM_SOURCE=1 ;;
    --build-dir) BUILD_DIR="$(cd "$2" && pwd)"; shift ;;
    --build-dir=*) BUILD_DIR="$(cd "${1#*=}" && pwd)" ;;
    --tag) TAG="$2"; shift ;;
    --tag=*) TAG="${1#*=}" ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

# shellcheck source=container/podman-env.sh
source "$REPO_ROOT/deploy/container/podman-env.sh"
for tool in podman runc; do
  command -v "$tool" >/dev/null || die "$tool is not installed (deploy/install-deps.sh)"
done

readonly BUILD_BASE=docker.io/library/debian:bookworm
readonly RUNTIME_BASE=docker.io/library/debian:bookworm-slim
readonly CONTAINER_DIR="$REPO_ROOT/deploy/container"
readonly SERVICES=(intake indicators workforce reporting)
START=$SECONDS

# The Debian mirror this machine's own apt uses.
debian_mirror() {
  cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    grep -oE '^(URIs:|deb) +[^ ]+' | awk '{print $2}' | grep -v security | head -n 1 || true
}

make_base_images() {
  if podman image exists "$BUILD_BASE" && podman image exists "$RUNTIME_BASE"; then
    return 0
  fi
  command -v debootstrap >/dev/null || die "debootstrap is not installed (deploy/install-deps.sh)"
  local mirror rootfs
  mirror="$(debian_mirror)"
  [[ -n "$mirror" ]] || die "no Debian mirror found in this machine's apt sources"
  rootfs="$(mktemp -d /var/tmp/pif-rootfs.XXXXXX)"
  log "making the Debian 12 base image with debootstrap from $mirror (once, about a minute)"
  if ! debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1; then
    tail -n 20 "$rootfs.log" >&2
    rm -rf "$rootfs" "$rootfs.log"
    die "debootstrap failed"
  fi
  # Like Debian's slim images: no documentation, no apt lists.
  rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | podman import - "$BUILD_BASE" >/dev/null
  podman tag "$BUILD_BASE" "$RUNTIME_BASE"
  rm -rf "$rootfs" "$rootfs.log"
}

build() {
  podman build --network host --layers --pull=never "$@"
}

make_base_images

log "runtime image localhost/pif-runtime:$TAG"
empty="$(mktemp -d)"
trap 'rm -rf "$empty"' EXIT
build -q -f "$CONTAINER_DIR/Containerfile" --target runtime \
  --build-arg "RUNTIME_BASE=$RUNTIME_BASE" -t "localhost/pif-runtime:$TAG" "$empty" >/dev/null

if ((FROM_SOURCE)); then
  for target in "${SERVICES[@]}" pifctl; do
    name=pif-$target
    [[ $target == pifctl ]] && name=pifctl
    log "compiling localhost/$name:$TAG from source (build stage)"
    build -q -f "$CONTAINER_DIR/Containerfile" --ignorefile "$CONTAINER_DIR/containerignore" \
      --target "$target" --build-arg "BUILD_BASE=$BUILD_BASE" \
      --build-arg "RUNTIME_BASE=$RUNTIME_BASE" -t "localhost/$name:$TAG" "$REPO_ROOT" >/dev/null
  done
else
  [[ -x "$BUILD_DIR/services/intake/pif-intake" ]] || die "no build in $BUILD_DIR (build first, or --from-source)"
  tree="$empty/install"
  cmake --install "$BUILD_DIR" --prefix "$tree" --component runtime --strip >/dev/null
  for target in "${SERVICES[@]}" pifctl; do
    name=pif-$target binaries=pif-$target entry=pif-$target
    if [[ $target == pifctl ]]; then
      name=pifctl binaries="pifctl pif-sample-council" entry=pifctl
    fi
    log "image localhost/$name:$TAG from $BUILD_DIR"
    build -q -f "$CONTAINER_DIR/Containerfile.prebuilt" --build-arg "RUNTIME=localhost/pif-runtime:$TAG" \
      --build-arg "BINARIES=$binaries" --build-arg "ENTRY=$entry" -t "localhost/$name:$TAG" "$tree" >/dev/null
  done
fi

log "image localhost/pif-postgres:15"
build -q -f "$CONTAINER_DIR/Containerfile.postgres" --build-arg "RUNTIME_BASE=$RUNTIME_BASE" \
  -t localhost/pif-postgres:15 "$CONTAINER_DIR" >/dev/null

log "images ready in $((SECONDS - START)) s: $(podman images --format '{{.Repository}}:{{.Tag}}' | grep -E 'localhost/(pif|pifctl)' | sort | tr '\n' ' ')"
