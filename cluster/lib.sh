# Sourced by the scripts beside it: the state directory, the ports (each
# overridable by an environment variable) and the helpers they share.
# shellcheck shell=bash

GALERA_SQL_PORT=${GALERA_SQL_PORT:-13306}     # node N listens on GALERA_SQL_PORT+N-1
GALERA_GCOMM_PORT=${GALERA_GCOMM_PORT:-14567} # group communication, same rule
GALERA_IST_PORT=${GALERA_IST_PORT:-14667}     # incremental state transfer
GALERA_SST_PORT=${GALERA_SST_PORT:-14767}     # rsync state snapshot transfer
PGBOUNCER_PORT=${PGBOUNCER_PORT:-16432}
REPLICA_PRIMARY_PORT=${REPLICA_PRIMARY_PORT:-15432}
REPLICA_PORT=${REPLICA_PORT:-15433}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

PROG=cluster/$(basename "$0")

die() { echo "$PROG: $*" >&2; exit 1; }
say() { echo "$PROG: $*"; }

# The state directory: the argument, else $CLUSTER_STATE_DIR, else one per user
# in the temporary directory. It must be reachable by the users mysql and
# postgres, who run the servers (so not under /root).
state_dir() {
  local dir=${1:-${CLUSTER_STATE_DIR:-${TMPDIR:-/tmp}/microblog-cluster-${USER:-$(id -un)}}}
  case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
  [ "$dir" != / ] || die "refusing / as the state directory"
  echo "${dir%/}"
}

# Makes the state directory, readable by the servers' users whatever the umask
# (an existing directory is left as it is).
make_state_dir() { # dir
  [ -d "$1" ] || { mkdir -p "$1"; chmod 755 "$1"; }
}

# Makes DIR (and its parents) and checks that USER can reach it.
make_dir_for() { # user dir
  mkdir -p "$2"
  chown "$1": "$2"
  runuser -u "$1" -- test -w "$2" \
    || die "user $1 cannot write $2: choose a state directory it can reach (e.g. under /tmp)"
}

# Prints the pid named in PIDFILE if that process is alive and its command
# line contains MARK (our config or data path), so that a stale pid file never
# names someone else's process.
our_pid() { # pidfile mark
  local pid
  [ -s "$1" ] || return 1
  pid=$(head -n 1 "$1" | tr -dc 0-9)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2" || return 1
  echo "$pid"
}

port_busy() { ss -Hltn "sport = :$1" | grep -q .; }

require_free_port() { # port what
  ! port_busy "$1" || die "port $1 ($2) is taken by another process; set its variable to another port"
}

# Runs COMMAND every 0.2 s until it succeeds, for at most TIMEOUT seconds;
# then says what it waited for, shows the end of LOG, and exits 1.
wait_for() { # timeout what log command...
  local timeout=$1 what=$2 log=$3 deadline
  shift 3
  deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "$PROG: gave up after ${timeout}s waiting for $what; end of $log:" >&2
      tail -n 25 "$log" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.2
  done
}

# Sends SIGNAL to PID, waits up to TIMEOUT seconds for it to end, then kills it.
end_process() { # pid signal timeout what
  local pid=$1 deadline=$((SECONDS + $3))
  kill "-$2" "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "$4 (pid $pid) still running after $3 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      deadline=$((SECONDS + 3600))
    fi
    sleep 0.1
  done
}
