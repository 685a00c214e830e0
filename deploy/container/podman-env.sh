# Sourced by deploy/build-images.sh and tests/deploy: podman with runc and without its default
# ulimits (which this sandbox refuses), unless CONTAINERS_CONF already names a configuration.
if [[ -z "${CONTAINERS_CONF:-}" ]]; then
  _pif_conf_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.pif/containers"
  mkdir -p "$_pif_conf_dir"
  cat >"$_pif_conf_dir/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
  export CONTAINERS_CONF="$_pif_conf_dir/containers.conf"
  unset _pif_conf_dir
fi
