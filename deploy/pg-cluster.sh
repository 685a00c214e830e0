#!/usr/bin/env bash
# Manages a throwaway PostgreSQL 15 cluster inside a project folder (local stack and tests).
#
# Usage:
#   deploy/pg-cluster.sh start DIR PORT   initdb DIR/data if missing, start it, wait until it
#                                         answers, print "host=127.0.0.1 port=PORT user=postgres"
#   deploy/pg-cluster.sh stop DIR         fast shutdown (no-op when not running)
#   deploy/pg-cluster.sh status DIR       exit 0 and print the connection string when running,
#                                         exit 3 when not running
#
# Layout: DIR/data (the cluster), DIR/socket (unix socket), DIR/postgres.log (server log),
# DIR/initdb.log. DIR is taken relative to the current directory.
# Only the connection string goes to stdout; progress messages go to stderr.
#
# THROWAWAY CLUSTER: authentication is `trust` for every local and 127.0.0.1 connection,
# and fsync, synchronous_commit and full_page_writes are off. It listens on 127.0.0.1 only.
# Never keep data you care about in it.
#
# initdb and pg_ctl refuse to run as root, so when run as root they run as the `postgres`
# user (created by Debian's postgresql package), which then owns DIR.
set -euo pipefail

PG_VERSION=15
PGBIN="/usr/lib/postgresql/${PG_VERSION}/bin"
CLUSTER_USER=postgres

log() { printf '[pif] %s\n' "$*" >&2; }
die() {
  printf '[pif] error: %s\n' "$*" >&2
  exit 1
}
usage() {
  cat >&2 <<'EOF'
usage: deploy/pg-cluster.sh start DIR PORT
       deploy/pg-cluster.sh stop DIR
       deploy/pg-cluster.sh status DIR
(DIR is relative to the current directory)
EOF
  exit "${1:-2}"
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
# Runs from / so that an unreadable current directory does not bother the postgres user.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$CLUSTER_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

abs_path() {
  local p="$1"
  [[ "$p" == /* ]] || p="$PWD/$p"
  # Normalise without requiring the path to exist.
  realpath -m -- "$p"
}

check_binaries() {
  local b
  for b in initdb pg_ctl pg_isready; do
    [[ -x "$PGBIN/$b" ]] || die "$PGBIN/$b not found: run deploy/install-deps.sh (package postgresql-${PG_VERSION})"
  done
  if [[ $EUID -eq 0 ]] && ! id -u "$CLUSTER_USER" >/dev/null 2>&1; then
    die "user '$CLUSTER_USER' does not exist: run deploy/install-deps.sh (package postgresql-${PG_VERSION})"
  fi
}

# pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
cluster_running() {
  local dir="$1"
  [[ -f "$dir/data/PG_VERSION" ]] || return 1
  as_owner "$PGBIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

# Port of the running server, read from postmaster.pid (4th line).
running_port() {
  sed -n '4p' "$1/data/postmaster.pid" 2>/dev/null || true
}

conn_string() { printf 'host=127.0.0.1 port=%s user=postgres\n' "$1"; }

# As root: make every ancestor of DIR traversable (o+x, no read) for the postgres user.
ensure_traversable() {
  local dir="$1" p
  p="$(dirname "$dir")"
  local ancestors=()
  while [[ "$p" != / ]]; do
    ancestors+=("$p")
    p="$(dirname "$p")"
  done
  local i
  for ((i = ${#ancestors[@]} - 1; i >= 0; i--)); do
    p="${ancestors[$i]}"
    if ! runuser -u "$CLUSTER_USER" -- test -x "$p" 2>/dev/null; then
      log "making $p traversable (o+x) for the $CLUSTER_USER user"
      chmod o+x "$p"
    fi
  done
}

# A unix socket path is limited to 107 bytes; fall back to a short folder under /tmp when
# DIR is deep. Clients of pif connect over 127.0.0.1 anyway.
socket_dir_for() {
  local dir="$1" port="$2" sock="$1/socket"
  if (( ${#sock} + ${#port} + 10 > 100 )); then
    sock="/tmp/pif-pg-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)"
  fi
  printf '%s\n' "$sock"
}

wait_ready() {
  local port="$1" timeout="${2:-60}" i
  for ((i = 0; i < timeout * 4; i++)); do
    if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2; then
      return 0
    fi
    sleep 0.25
  done
  return 1
}

cmd_start() {
  local dir port
  dir="$(abs_path "$1")"
  port="$2"
  if [[ ! "$port" =~ ^[1-9][0-9]*$ ]] || ((port < 1 || port > 65535)); then
    die "PORT must be a TCP port number, got '$port'"
  fi
  check_binaries

  if cluster_running "$dir"; then
    local actual
    actual="$(running_port "$dir")"
    if [[ -n "$actual" && "$actual" != "$port" ]]; then
      log "cluster in $dir is already running on port $actual (not $port): keeping it"
      port="$actual"
    else
      log "cluster in $dir is already running on port $port"
    fi
    wait_ready "$port" 30 || die "cluster in $dir runs but does not answer on port $port; see $dir/postgres.log"
    conn_string "$port"
    return 0
  fi

  # Folder owned by the cluster user.
  mkdir -p "$dir"
  if [[ $EUID -eq 0 ]]; then
    if [[ "$(stat -c %U "$dir")" != "$CLUSTER_USER" ]]; then
      chown -R "$CLUSTER_USER:" "$dir"
    fi
    ensure_traversable "$dir"
  fi

  local sockdir
  sockdir="$(socket_dir_for "$dir" "$port")"
  if [[ ! -d "$sockdir" ]]; then
    mkdir -p "$sockdir"
    if [[ $EUID -eq 0 ]]; then
      chown "$CLUSTER_USER:" "$sockdir"
    fi
  fi
  [[ "$sockdir" == "$dir/socket" ]] || log "path too long for a unix socket: using $sockdir"

  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    # A data folder without PG_VERSION is a half-finished initdb of ours: start again.
    rm -rf -- "$dir/data"
    log "initdb $dir/data"
    if ! as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2 || true
      rm -rf -- "$dir/data"
      die "initdb failed (output above, also in $dir/initdb.log)"
    fi
    # Throwaway cluster: trust every local-socket and 127.0.0.1 connection.
    as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<'EOF'
# pif throwaway cluster (deploy/pg-cluster.sh): no passwords, loopback only. Never for real data.
# TYPE  DATABASE     USER  ADDRESS        METHOD
local   all          all                  trust
host    all          all   127.0.0.1/32   trust
local   replication  all                  trust
host    replication  all   127.0.0.1/32   trust
EOF
    printf "\n# pif: settings of the throwaway cluster, rewritten at every start\ninclude = 'pif.conf'\n" |
      as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  fi

  # Rewritten at every start, so the port (or socket folder) may change between runs.
  as_owner tee "$dir/data/pif.conf" >/dev/null <<EOF
# Written by deploy/pg-cluster.sh at every start. Throwaway cluster: speed over durability.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  # Touch the log as its owner so that pg_ctl can append to it.
  as_owner touch "$dir/postgres.log"
  log "starting PostgreSQL ${PG_VERSION} in $dir on 127.0.0.1:$port (log: $dir/postgres.log)"
  if ! as_owner "$PGBIN/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -w -t 60 >&2; then
    log "PostgreSQL did not start; last lines of $dir/postgres.log:"
    tail -n 30 "$dir/postgres.log" >&2 || true
    exit 1
  fi
  if ! wait_ready "$port" 60; then
    tail -n 30 "$dir/postgres.log" >&2 || true
    die "PostgreSQL started but does not answer on 127.0.0.1:$port"
  fi
  log "PostgreSQL is ready on 127.0.0.1:$port"
  conn_string "$port"
}

cmd_stop() {
  local dir
  dir="$(abs_path "$1")"
  if ! cluster_running "$dir"; then
    log "cluster in $dir is not running"
    return 0
  fi
  check_binaries
  log "stopping PostgreSQL in $dir"
  as_owner "$PGBIN/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >&2
}

cmd_status() {
  local dir
  dir="$(abs_path "$1")"
  if cluster_running "$dir"; then
    local port
    port="$(running_port "$dir")"
    log "cluster in $dir is running on 127.0.0.1:$port"
    conn_string "$port"
    return 0
  fi
  log "cluster in $dir is not running"
  return 3
}

[[ $# -ge 1 ]] || usage
case "$1" in
  start)
    [[ $# -eq 3 ]] || usage
    cmd_start "$2" "$3"
    ;;
  stop)
    [[ $# -eq 2 ]] || usage
    cmd_stop "$2"
    ;;
  status)
    [[ $# -eq 2 ]] || usage
    cmd_status "$2"
    ;;
  -h | --help)
    usage 0
    ;;
  *)
    usage
    ;;
esac
