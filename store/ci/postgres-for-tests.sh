#!/usr/bin/env bash
# Installs and starts a local PostgreSQL for the store tests, idempotently (Debian/Ubuntu, run as root),
# then prints the environment the tests read. Usage:
#   eval "$(bash store/ci/postgres-for-tests.sh)"
#   mvn -B -o -pl store test
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi

version=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q online; then
  pg_ctlcluster "$version" main start >&2
fi

# Wait until the server accepts connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done

su postgres -c "psql -v ON_ERROR_STOP=1 -qAt" >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'calsync') THEN
    CREATE ROLE calsync LOGIN PASSWORD 'calsync';
  END IF;
END $$;
SQL
if ! su postgres -c "psql -qAtc \"select 1 from pg_database where datname = 'calsync_test'\"" | grep -q 1; then
  su postgres -c "createdb -O calsync calsync_test" >&2
fi

echo "export CALSYNC_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/calsync_test"
echo "export CALSYNC_TEST_POSTGRES_USER=calsync"
echo "export CALSYNC_TEST_POSTGRES_PASSWORD=calsync"
