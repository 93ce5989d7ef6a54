#!/usr/bin/env bash
# Cluster profile (compose.cluster.yml), once, when the postgres image initialises an empty data volume: the role
# Temporal Server connects as. It may create databases (temporal-schema makes `temporal` and `temporal_visibility`
# with Temporal's own sql tool) and owns them; it has no right on anything in OneSeal's schemas.
set -euo pipefail
password="$(head -n 1 /run/secrets/temporal-database-password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres --set password="$password" <<'SQL'
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'password';
SQL
