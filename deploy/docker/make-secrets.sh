#!/usr/bin/env bash
# Makes the secrets docker-compose.yml reads from files (Docker secrets), once: an existing file is kept, so
# running it again never changes a password a database already has or a key data was encrypted with.
#
#   deploy/docker/make-secrets.sh [folder]        (default: ./.secrets beside docker-compose.yml; never commit it)
#
# What it makes, each file readable by its owner only:
#   postgres-password                 the PostgreSQL superuser (only the database container uses it)
#   database-owner-password, -url     the role migrations run as (creates and changes tables)
#   database-password-<service>       each service's own login role (created by the migrate step)
#   database-password-monitor         oneseal_monitor, postgres-exporter's role (created by the migrate step)
#   temporal-database-password        Temporal Server's role (compose.cluster.yml only)
#   database-url-<service>            the URL that service connects with (its role only)
#   seal-key-encryption-key           encrypts the seals' private keys (seal only)
#   applicant-lookup-key              keys applicant search digests (intake, routing)
#   personal-data-key                 encrypts applicants' ID numbers and phones at rest (intake only)
#   audit-chain-key                   keys the audit log's chain links (audit only)
#   event-signing-<producer>.key      each producer's Ed25519 event signing key (that producer only)
#   event-producers/<producer>.pub    their public keys, which every consumer mounts
#   admin-password                    the platform administrator's first password (printed once, on creation)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:-$HERE/../../.secrets}"
SERVICES=(intake routing approval seal notification audit identity)
PRODUCERS=(intake routing approval seal notification)

command -v openssl >/dev/null || { echo "make-secrets: openssl is needed" >&2; exit 1; }
umask 077
mkdir -p "$DIR"

# URL-safe random text: it goes into connection URLs as it is.
random_text() { openssl rand -hex "$1"; }

make() {
  local name=$1 content=$2
  if [ -e "$DIR/$name" ]; then return 0; fi
  printf '%s\n' "$content" >"$DIR/$name"
  echo "made $name"
}

make postgres-password "$(random_text 24)"
make database-owner-password "$(random_text 24)"
make database-owner-url "postgres://oneseal:$(head -n 1 "$DIR/database-owner-password")@postgres:5432/oneseal"
for service in "${SERVICES[@]}"; do
  make "database-password-$service" "$(random_text 24)"
  make "database-url-$service" \
    "postgres://oneseal_$service:$(head -n 1 "$DIR/database-password-$service")@postgres:5432/oneseal"
done
# PostgreSQL's exporter reads the server's statistics as a role of its own, not the superuser.
make database-password-monitor "$(random_text 24)"
# The cluster profile's Temporal Server (compose.cluster.yml) logs in to PostgreSQL as a role of its own.
make temporal-database-password "$(random_text 24)"
make seal-key-encryption-key "$(random_text 32)"
make applicant-lookup-key "$(random_text 32)"
make personal-data-key "$(random_text 32)"
make audit-chain-key "$(random_text 32)"
for producer in "${PRODUCERS[@]}"; do
  if [ ! -e "$DIR/event-signing-$producer.key" ]; then
    openssl genpkey -algorithm ed25519 -out "$DIR/event-signing-$producer.key"
    echo "made event-signing-$producer.key"
  fi
  # Public keys in a folder of their own, which every consumer mounts (EVENT_PRODUCER_KEYS_DIR): <producer>.pub.
  mkdir -p "$DIR/event-producers"
  [ -e "$DIR/event-producers/$producer.pub" ] ||
    openssl pkey -in "$DIR/event-signing-$producer.key" -pubout -out "$DIR/event-producers/$producer.pub"
done
if [ ! -e "$DIR/admin-password" ]; then
  make admin-password "$(random_text 12)"
  echo "the platform administrator (system-admin) logs in first with: $(head -n 1 "$DIR/admin-password")"
fi
# Containers run as other users than the one who made the files, and Docker mounts each file by itself: the files
# are readable, the folder closed to everyone else on the host.
chmod 700 "$DIR"
chmod 755 "$DIR/event-producers"
find "$DIR" -type f -exec chmod 644 {} +
