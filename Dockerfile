# One app replica of compose.yaml. Secrets are mounted at run time, never copied in.
FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY assessment ./assessment
COPY criteria ./criteria
COPY templates ./templates
COPY ui ./ui
COPY app.py ./
COPY .streamlit/config.toml ./.streamlit/config.toml
COPY deploy/entrypoint.sh /usr/local/bin/ikm-entrypoint
RUN pip install --no-cache-dir ".[report,store,app]" \
 && useradd --system --home /data ikm && mkdir -p /data && chown ikm /data
USER ikm
EXPOSE 8501
ENTRYPOINT ["/usr/local/bin/ikm-entrypoint"]
