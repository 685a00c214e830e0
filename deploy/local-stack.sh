#!/usr/bin/env bash
# The local stack: the four pif services on fixed local ports, each on its own database in a
# throwaway PostgreSQL cluster inside the (git-ignored) .pif/ folder, with mutual TLS and a
# development identity provider (deploy/make-dev-certs.sh .pif/certs): every service has its
# certificate and verifies callers' tokens against the dev JWKS.
#
# Usage:
#   deploy/local-stack.sh [up]             install dependencies, build, make (or renew) the dev
#                                          PKI, start PostgreSQL and the four services, wait until
#                                          each reports SERVING
#   deploy/local-stack.sh down             stop the services (SIGTERM, SIGKILL after 30 s), then
#                                          PostgreSQL
#   deploy/local-stack.sh status           which services run and their health (exit 0 when all
#                                          four run and are SERVING, 3 otherwise)
#   deploy/local-stack.sh logs SERVICE [-f]  last lines of a service's log (-f: follow); SERVICE
#                                          is intake, indicators, workforce, reporting or postgres
#   deploy/local-stack.sh env              prints the exports that make pifctl call the stack
#                                          with its client certificate (eval "$(... env)"); a
#                                          token comes from deploy/make-dev-token.sh
#
# A second `up` reuses the build, the cluster, the certificates (renewed when within 7 days of
# expiry; running services pick renewed files up) and any service that is still running.
# Files: .pif/pg (cluster, port 55432), .pif/certs (dev PKI and identity provider),
# .pif/logs/<service>.log, .pif/run/<service>.pid.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly BUILD_DIR="$REPO_ROOT/build"
readonly STATE_DIR="$REPO_ROOT/.pif"
readonly PG_DIR="$STATE_DIR/pg"
readonly PG_PORT=55432
readonly LOG_DIR="$STATE_DIR/logs"
readonly RUN_DIR="$STATE_DIR/run"
readonly CERT_DIR="$STATE_DIR/certs"
# The dev identity provider's names (those pifctl dev-token writes by default).
readonly JWT_ISSUER="https://idp.pif.local"
readonly JWT_AUDIENCE="pif"
readonly PIFCTL="$BUILD_DIR/tools/pifctl/pifctl"
readonly PSQL=/usr/lib/postgresql/15/bin/psql
readonly HEALTH_TIMEOUT=60
readonly STOP_TIMEOUT=30

readonly SERVICES=(intake indicators workforce reporting)
declare -A GRPC_PORT=([intake]=50051 [indicators]=50052 [workforce]=50053 [reporting]=50054)
declare -A METRICS_PORT=([intake]=9451 [indicators]=9452 [workforce]=9453 [reporting]=9454)
declare -A EXTRA_ARGS=(
  [intake]=""
  [indicators]="--intake_address=127.0.0.1:50051"
  [workforce]="--intake_address=127.0.0.1:50051"
  [reporting]="--indicators_address=127.0.0.1:50052 --workforce_address=127.0.0.1:50053"
)

log() { printf '[pif] %s\n' "$*" >&2; }
die() {
  printf '[pif] error: %s\n' "$*" >&2
  exit 1
}
usage() {
  cat >&2 <<'EOF'
usage: deploy/local-stack.sh [up]
       deploy/local-stack.sh down
       deploy/local-stack.sh status
       deploy/local-stack.sh logs SERVICE [-f]   (SERVICE: intake indicators workforce reporting postgres)
       deploy/local-stack.sh env
EOF
  exit "${1:-2}"
}

binary_of() { printf '%s/services/%s/pif-%s\n' "$BUILD_DIR" "$1" "$1"; }
pidfile_of() { printf '%s/%s.pid\n' "$RUN_DIR" "$1"; }
logfile_of() { printf '%s/%s.log\n' "$LOG_DIR" "$1"; }
db_of() { printf 'pif_%s\n' "$1"; }

# Prints the pid of the service when its pid file names a live process running that service.
live_pid() {
  local svc="$1" pidfile pid
  pidfile="$(pidfile_of "$svc")"
  [[ -f "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a recycled pid: the process must be this service's binary.
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *"pif-$svc"* ]] || return 1
  printf '%s\n' "$pid"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pifctl's mutual TLS flags: its client certificate of the dev PKI.
pifctl_tls_flags() {
  printf '%s\n' "--tls_ca_file=$CERT_DIR/ca.pem" "--tls_cert_file=$CERT_DIR/pifctl.pem" \
    "--tls_key_file=$CERT_DIR/pifctl.key"
}

# Exit status 0 when the gRPC server at ADDRESS reports SERVING (grpc.health.v1, overall), asked
# over mutual TLS with pifctl's certificate (health needs no token).
health_ok() {
  local address="$1"
  if [[ -x "$PIFCTL" ]]; then
    local flags=()
    mapfile -t flags < <(pifctl_tls_flags)
    timeout 10 "$PIFCTL" health --address="$address" "${flags[@]}" >/dev/null 2>&1
  else
    # pifctl not built: ask with Debian's python3-grpcio directly. An empty
    # HealthCheckRequest is zero bytes; a SERVING response is field 1 = 1 (bytes 08 01).
    timeout 10 /usr/bin/python3 - "$address" "$CERT_DIR" >/dev/null 2>&1 <<'PY'
import sys
import grpc
def read(name):
    with open(sys.argv[2] + "/" + name, "rb") as f:
        return f.read()
credentials = grpc.ssl_channel_credentials(read("ca.pem"), read("pifctl.key"), read("pifctl.pem"))
channel = grpc.secure_channel(sys.argv[1], credentials)
check = channel.unary_unary("/grpc.health.v1.Health/Check",
                            request_serializer=lambda m: m,
                            response_deserializer=lambda b: b)
sys.exit(0 if check(b"", timeout=5) == b"\x08\x01" else 1)
PY
  fi
}

show_log_tail() {
  local svc="$1" file
  file="$(logfile_of "$svc")"
  if [[ -f "$file" ]]; then
    log "last lines of $file:"
    tail -n 40 "$file" >&2 || true
  else
    log "no log file $file"
  fi
}

build() {
  log "building into $BUILD_DIR (RelWithDebInfo, no benchmarks)"
  local args=(-S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    -DPIF_BUILD_BENCHMARKS=OFF -DPIF_SANITIZE=OFF)
  # The generator of an existing build folder cannot change; choose it only for a new one.
  if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]] && command -v ninja >/dev/null 2>&1; then
    args+=(-G Ninja)
  fi
  cmake "${args[@]}" >&2 || die "cmake configure failed"
  cmake --build "$BUILD_DIR" -j2 >&2 || die "build failed"
  local svc
  for svc in "${SERVICES[@]}"; do
    [[ -x "$(binary_of "$svc")" ]] || die "the build did not produce $(binary_of "$svc")"
  done
}

create_databases() {
  local admin="host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres"
  local svc db sql=""
  for svc in "${SERVICES[@]}"; do
    db="$(db_of "$svc")"
    sql+="SELECT format('CREATE ROLE %I LOGIN', '$db')
      WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$db') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '$db', '$db')
      WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$db') \\gexec
"
  done
  log "ensuring roles and databases: $(for s in "${SERVICES[@]}"; do printf '%s ' "$(db_of "$s")"; done)"
  "$PSQL" "$admin" -X -q -v ON_ERROR_STOP=1 <<<"$sql" >&2
}

start_service() {
  local svc="$1" pid bin logfile pidfile
  if pid="$(live_pid "$svc")"; then
    log "$svc is already running (pid $pid)"
    return 0
  fi
  bin="$(binary_of "$svc")"
  logfile="$(logfile_of "$svc")"
  pidfile="$(pidfile_of "$svc")"
  if port_open "${GRPC_PORT[$svc]}"; then
    die "port ${GRPC_PORT[$svc]} for $svc is taken by another process (not started by this script)"
  fi
  local db
  db="$(db_of "$svc")"
  local args=(
    --listen="127.0.0.1:${GRPC_PORT[$svc]}"
    --metrics_listen="127.0.0.1:${METRICS_PORT[$svc]}"
    --database_url="host=127.0.0.1 port=$PG_PORT user=$db dbname=$db"
    --tls_ca_file="$CERT_DIR/ca.pem"
    --tls_cert_file="$CERT_DIR/$svc.pem"
    --tls_key_file="$CERT_DIR/$svc.key"
    --jwks_file="$CERT_DIR/jwks.json"
    --jwt_issuer="$JWT_ISSUER"
    --jwt_audience="$JWT_AUDIENCE"
  )
  local extra=()
  read -r -a extra <<<"${EXTRA_ARGS[$svc]}"
  args+=("${extra[@]}")
  log "starting $svc: $bin ${args[*]@Q}"
  printf '\n===== %s starting %s =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$svc" >>"$logfile"
  nohup "$bin" "${args[@]}" </dev/null >>"$logfile" 2>&1 &
  printf '%s\n' "$!" >"$pidfile"
}

wait_serving() {
  local deadline=$((SECONDS + HEALTH_TIMEOUT))
  local -A serving=()
  local svc pending
  while :; do
    pending=0
    for svc in "${SERVICES[@]}"; do
      if [[ -n "${serving[$svc]:-}" ]]; then
        continue
      fi
      if ! live_pid "$svc" >/dev/null; then
        log "$svc exited while starting"
        show_log_tail "$svc"
        return 1
      fi
      if health_ok "127.0.0.1:${GRPC_PORT[$svc]}"; then
        serving[$svc]=1
        log "$svc is SERVING on 127.0.0.1:${GRPC_PORT[$svc]}"
      else
        pending=$((pending + 1))
      fi
    done
    if ((pending == 0)); then
      return 0
    fi
    if ((SECONDS >= deadline)); then
      for svc in "${SERVICES[@]}"; do
        if [[ -z "${serving[$svc]:-}" ]]; then
          log "$svc did not report SERVING within ${HEALTH_TIMEOUT}s"
          show_log_tail "$svc"
        fi
      done
      return 1
    fi
    sleep 0.5
  done
}

print_endpoints() {
  local svc
  printf '\n'
  printf '  %-11s %-17s %-33s %s\n' service gRPC metrics log
  for svc in "${SERVICES[@]}"; do
    printf '  %-11s %-17s %-33s %s\n' "$svc" "127.0.0.1:${GRPC_PORT[$svc]}" \
      "http://127.0.0.1:${METRICS_PORT[$svc]}/metrics" ".pif/logs/$svc.log"
  done
  printf '  %-11s %s\n' postgres "host=127.0.0.1 port=$PG_PORT user=postgres (databases pif_<service>)"
  printf '  %-11s %s\n' certs ".pif/certs (dev CA, a certificate per service and pifctl, dev identity provider)"
  printf '\n'
  printf '  pifctl:  eval "$(deploy/local-stack.sh env)"   (mutual TLS with pifctl'"'"'s certificate)\n'
  printf '  health:  build/tools/pifctl/pifctl health\n'
  printf '  token:   deploy/make-dev-token.sh --roles analyst --councils S12000033 --out .pif/my.token\n'
  printf '           export PIF_TOKEN_FILE=.pif/my.token   (every call but health needs one)\n'
  printf '  stop:    deploy/local-stack.sh down\n'
  printf '  status:  deploy/local-stack.sh status\n'
  printf '  logs:    deploy/local-stack.sh logs <service> [-f]\n\n'
}

# The dev PKI and identity provider: made, renewed when within 7 days of expiry, kept otherwise.
make_certs() {
  log "dev PKI and identity provider in $CERT_DIR"
  env PIFCTL="$PIFCTL" "$REPO_ROOT/deploy/make-dev-certs.sh" "$CERT_DIR"
}

cmd_up() {
  cd "$REPO_ROOT"
  log "installing dependencies"
  "$REPO_ROOT/deploy/install-deps.sh"
  build
  make_certs
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  "$REPO_ROOT/deploy/pg-cluster.sh" start "$PG_DIR" "$PG_PORT" >/dev/null
  create_databases
  local svc
  for svc in "${SERVICES[@]}"; do
    start_service "$svc"
  done
  log "waiting up to ${HEALTH_TIMEOUT}s for every service to report SERVING"
  if ! wait_serving; then
    log "the local stack did not come up; stop what is running with: deploy/local-stack.sh down"
    exit 1
  fi
  log "local stack is up"
  print_endpoints
}

cmd_down() {
  cd "$REPO_ROOT"
  local svc pid
  local -A pids=()
  for svc in "${SERVICES[@]}"; do
    if pid="$(live_pid "$svc")"; then
      log "stopping $svc (pid $pid, SIGTERM)"
      kill -TERM "$pid" 2>/dev/null || true
      pids[$svc]="$pid"
    else
      log "$svc is not running"
    fi
  done
  local deadline=$((SECONDS + STOP_TIMEOUT)) alive
  while :; do
    alive=0
    for svc in "${!pids[@]}"; do
      if kill -0 "${pids[$svc]}" 2>/dev/null; then
        alive=$((alive + 1))
      fi
    done
    if ((alive == 0)); then
      break
    fi
    if ((SECONDS >= deadline)); then
      for svc in "${!pids[@]}"; do
        if kill -0 "${pids[$svc]}" 2>/dev/null; then
          log "$svc did not stop within ${STOP_TIMEOUT}s: SIGKILL"
          kill -KILL "${pids[$svc]}" 2>/dev/null || true
        fi
      done
      break
    fi
    sleep 0.25
  done
  for svc in "${SERVICES[@]}"; do
    rm -f -- "$(pidfile_of "$svc")"
  done
  "$REPO_ROOT/deploy/pg-cluster.sh" stop "$PG_DIR"
  log "local stack is down"
}

cmd_status() {
  cd "$REPO_ROOT"
  local svc pid all_ok=1
  printf '  %-11s %-17s %-10s %s\n' service gRPC pid health
  for svc in "${SERVICES[@]}"; do
    if pid="$(live_pid "$svc")"; then
      if health_ok "127.0.0.1:${GRPC_PORT[$svc]}"; then
        printf '  %-11s %-17s %-10s %s\n' "$svc" "127.0.0.1:${GRPC_PORT[$svc]}" "$pid" SERVING
      else
        printf '  %-11s %-17s %-10s %s\n' "$svc" "127.0.0.1:${GRPC_PORT[$svc]}" "$pid" "NOT SERVING"
        all_ok=0
      fi
    else
      printf '  %-11s %-17s %-10s %s\n' "$svc" "127.0.0.1:${GRPC_PORT[$svc]}" - stopped
      all_ok=0
    fi
  done
  local pg="stopped"
  if "$REPO_ROOT/deploy/pg-cluster.sh" status "$PG_DIR" >/dev/null 2>&1; then
    pg="running"
  else
    all_ok=0
  fi
  printf '  %-11s %-17s %-10s %s\n' postgres "127.0.0.1:$PG_PORT" - "$pg"
  ((all_ok == 1)) || return 3
}

cmd_env() {
  printf 'export PIFCTL_TLS_CA_FILE=%q\n' "$CERT_DIR/ca.pem"
  printf 'export PIFCTL_TLS_CERT_FILE=%q\n' "$CERT_DIR/pifctl.pem"
  printf 'export PIFCTL_TLS_KEY_FILE=%q\n' "$CERT_DIR/pifctl.key"
  printf '# a token: deploy/make-dev-token.sh --roles ROLE --councils GSS --out FILE; export PIF_TOKEN_FILE=FILE\n'
}

cmd_logs() {
  local svc="$1" follow="${2:-}" file
  case "$svc" in
    intake | indicators | workforce | reporting) file="$(logfile_of "$svc")" ;;
    postgres) file="$PG_DIR/postgres.log" ;;
    *) usage ;;
  esac
  [[ -z "$follow" || "$follow" == -f ]] || usage
  [[ -f "$file" ]] || die "no log yet: $file"
  if [[ "$follow" == -f ]]; then
    exec tail -n 100 -F -- "$file"
  fi
  tail -n 100 -- "$file"
}

case "${1:-up}" in
  up)
    [[ $# -le 1 ]] || usage
    cmd_up
    ;;
  down)
    [[ $# -eq 1 ]] || usage
    cmd_down
    ;;
  status)
    [[ $# -eq 1 ]] || usage
    cmd_status
    ;;
  logs)
    [[ $# -eq 2 || $# -eq 3 ]] || usage
    cmd_logs "$2" "${3:-}"
    ;;
  env)
    [[ $# -eq 1 ]] || usage
    cmd_env
    ;;
  -h | --help) usage 0 ;;
  *) usage ;;
esac
