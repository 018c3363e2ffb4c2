#!/usr/bin/env bash
# Makes PostgreSQL's server binaries available (initdb, pg_ctl) for the tests that run the platform on
# PostgreSQL. No server is started here: each test starts a throw-away cluster of its own on loopback.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-postgres: PostgreSQL server binaries are missing and we are not root to install them" >&2
  exit 1
fi
echo "ensure-postgres: installing postgresql"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
