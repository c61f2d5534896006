#!/usr/bin/env bash
# Starts a throwaway Postgres cluster for the tests and prints its URL on stdout.
# Usage: url=$(bash .ci/postgres.sh start DIR) ... bash .ci/postgres.sh stop DIR
# Installs Debian's postgresql when its binaries are missing. Postgres refuses to run as root,
# so the cluster belongs to the postgres user, in a folder under /tmp, on a free local port.
set -euo pipefail
action=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ "$action" = stop ]; then
  [ -n "$bin" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "Installing Debian's postgresql" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
mkdir -p "$dir"
chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -k $dir" start >/dev/null
runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres rhizome
echo "postgres://postgres@127.0.0.1:$port/rhizome"
