#!/bin/sh
# Start one app replica: the database URL is put together from the password secret at run
# time (never in the image or in compose.yaml), then Streamlit listens for the proxy.
set -eu
if [ -n "${IKM_DATABASE_PASSWORD_FILE:-}" ]; then
	password="$(python -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1]).read().strip(), safe=""))' "$IKM_DATABASE_PASSWORD_FILE")"
	IKM_DATABASE_URL="postgresql://${IKM_DATABASE_USER}:${password}@${IKM_DATABASE_HOST}/${IKM_DATABASE_NAME}"
	export IKM_DATABASE_URL
fi
exec python /app/ui/launch.py --server.address 0.0.0.0 --server.port 8501 --server.headless true
