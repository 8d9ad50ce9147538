#!/usr/bin/env bash
# Docker health checks of the HyenaFlow image. Bash only: the runtime image has no curl, psql or nc.
#   healthcheck.sh serve [PORT]  the API answers 200 to a request carrying HYENAFLOW_API_KEY (PORT defaults to 5080),
#                                so a server that is up but refuses its own key (401) counts as unhealthy
#   healthcheck.sh worker        the container runs `hyenaflow worker` and reaches the cluster's PostgreSQL server
#                                (HYENAFLOW_DB): a worker cut off from the database executes nothing
set -euo pipefail

# Whether HOST PORT accepts a TCP connection within 5 s.
reachable() {
  timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

check_serve() {
  local port="${1:-5080}" status
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET /api/activities HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: %s\r\nConnection: close\r\n\r\n' "${HYENAFLOW_API_KEY:-}" >&3
  IFS= read -r -t 10 status <&3
  [[ "$status" == "HTTP/1.1 200"* ]]
}

trim() {
  local text="$1"
  text="${text#"${text%%[![:space:]]*}"}"
  echo "${text%"${text##*[![:space:]]}"}"
}

# Host and port of HYENAFLOW_DB, written as postgres://user:password@host:port/db or Host=…;Port=…;…
database_address() {
  local db="${HYENAFLOW_DB:?HYENAFLOW_DB is not set}" host="" port=5432 part rest key value
  if [[ "$db" =~ ^postgres(ql)?://([^@/]*@)?([^:/?]+)(:([0-9]+))? ]]; then
    host="${BASH_REMATCH[3]}"
    port="${BASH_REMATCH[5]:-5432}"
  else
    rest="$db"
    while [[ -n "$rest" ]]; do
      part="${rest%%;*}"
      [[ "$rest" == *";"* ]] && rest="${rest#*;}" || rest=""
      [[ "$part" == *=* ]] || continue
      key=$(trim "${part%%=*}")
      value=$(trim "${part#*=}")
      case "${key,,}" in
        host | server) host="$value" ;;
        port) port="$value" ;;
      esac
    done
  fi
  [[ -n "$host" ]] || { echo "HYENAFLOW_DB names no PostgreSQL host" >&2; return 1; }
  echo "$host $port"
}

check_worker() {
  local address
  tr '\0' ' ' </proc/1/cmdline | grep -qw worker || { echo "PID 1 is not a hyenaflow worker" >&2; return 1; }
  address=$(database_address)
  # shellcheck disable=SC2086 # host and port are two words
  reachable $address || { echo "cannot reach the database at $address" >&2; return 1; }
}

case "${1:-serve}" in
  serve) check_serve "${2:-5080}" ;;
  worker) check_worker ;;
  *) echo "usage: healthcheck.sh serve [PORT] | worker" >&2; exit 2 ;;
esac
