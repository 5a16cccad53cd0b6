#!/usr/bin/env bash
# Installs PostgreSQL from the OS packages (Debian), starts it, creates the owner data service's
# test database and role, and prints its URL on stdout (everything else goes to stderr).
# Used by .ci/run, which runs as root on a clean Debian machine: the portal's HTTP test suite then
# runs against a real PostgreSQL server as well as SQLite (tests/portal/conftest.py).
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
    echo "postgres.sh: must run as root (CI) to install PostgreSQL. Fix: run .ci/run as root, or set" \
        "PORTAL_TEST_DATABASE_URL to an existing server yourself." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
{
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql
} >&2

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
# Some images disable the automatic "main" cluster (createcluster.conf): create it if missing.
if ! pg_lsclusters --no-header | awk '{print $1, $2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters --no-header | awk '$1 == v && $2 == "main" {print $4}' v="$version" | grep -qx online; then
    pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters --no-header | awk '$1 == v && $2 == "main" {print $3}' v="$version")"

user=portal_test
password=portal_test
db=portal_test
su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $port" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE $user LOGIN PASSWORD '$password';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $db OWNER $user' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL

echo "postgresql://$user:$password@127.0.0.1:$port/$db"
