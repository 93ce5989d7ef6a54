#!/usr/bin/env bash
# Runs once, when the postgres image initialises an empty data volume (/docker-entrypoint-initdb.d): the owner
# role migrations run as (it creates each service's own role), and the database, owned by it. Not a superuser.
set -euo pipefail
password="$(head -n 1 /run/secrets/database-owner-password)"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres --set password="$password" <<'SQL'
CREATE ROLE oneseal LOGIN CREATEDB CREATEROLE PASSWORD :'password';
CREATE DATABASE oneseal OWNER oneseal;
SQL
