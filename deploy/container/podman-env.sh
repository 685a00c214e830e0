# Sourced by deploy/build-images.sh and tests/deploy: podman with runc and without its default
# ulimits (which this sandbox refuses), unless CONTAINERS_CONF already names a configuration.
# Inside a container (podman in podman, as on a fresh CI machine) whose /var/lib/containers is
# itself on overlayfs, the kernel's overlay cannot stack on it: images are then stored with
# fuse-overlayfs (or vfs without it), unless CONTAINERS_STORAGE_CONF already says how.
_pif_conf_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.pif/containers"
if [[ -z "${CONTAINERS_CONF:-}" ]]; then
  mkdir -p "$_pif_conf_dir"
  cat >"$_pif_conf_dir/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
  export CONTAINERS_CONF="$_pif_conf_dir/containers.conf"
fi
if [[ -z "${CONTAINERS_STORAGE_CONF:-}" && -e /run/.containerenv && $EUID -eq 0 ]]; then
  _pif_store=/var/lib/containers
  [[ -d "$_pif_store" ]] || _pif_store=/var/lib
  if [[ "$(stat -f -c %T "$_pif_store" 2>/dev/null)" == overlayfs ]]; then
    mkdir -p "$_pif_conf_dir"
    {
      printf '[storage]\nrunroot = "/run/containers/storage"\n'
      printf 'graphroot = "/var/lib/containers/storage"\n'
      if command -v fuse-overlayfs >/dev/null && [[ -e /dev/fuse ]]; then
        printf 'driver = "overlay"\n[storage.options.overlay]\n'
        printf 'mount_program = "%s"\n' "$(command -v fuse-overlayfs)"
      else
        printf 'driver = "vfs"\n'
      fi
    } >"$_pif_conf_dir/storage.conf"
    export CONTAINERS_STORAGE_CONF="$_pif_conf_dir/storage.conf"
  fi
  unset _pif_store
fi
unset _pif_conf_dir
