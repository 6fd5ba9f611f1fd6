#!/bin/sh
# Nightly backup (compose.yaml's "backup" service): pg_dump of the database, which holds the
# evidence files too (table files), and a tar of the app's data folder. Kept KEEP_DAYS days.
set -eu
PGPASSWORD="$(cat /run/secrets/db_password)"
export PGPASSWORD
while true; do
	stamp="$(date -u +%Y%m%d-%H%M%S)"
	pg_dump --format=custom --file="/backups/ikm-$stamp.dump.part" \
		&& mv "/backups/ikm-$stamp.dump.part" "/backups/ikm-$stamp.dump"
	tar -czf "/backups/ikm-data-$stamp.tar.gz" -C /data .
	find /backups -name 'ikm-*' -mtime +"${KEEP_DAYS:-30}" -delete
	sleep 86400
done
