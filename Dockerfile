# syntax=docker/dockerfile:1
# Image for the bilateral REST API.
#
#   docker build -t bilateral .
#   docker run --rm -p 8000:8000 -e DATABASE_URL=... bilateral
#
# `bilateral serve` migrates the database to head (Alembic), seeds it if it is
# empty, then starts uvicorn.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# Unprivileged runtime user (created before the install so its uid is stable).
RUN groupadd --system bilateral \
    && useradd --system --gid bilateral --create-home --home-dir /home/bilateral \
       --shell /usr/sbin/nologin bilateral

WORKDIR /srv/bilateral

# pyproject.toml names README.md as the package readme, so it is needed to install.
COPY pyproject.toml alembic.ini README.md ./
COPY app/ ./app/
COPY migrations/ ./migrations/
COPY seed/ ./seed/

# Editable install: the package is imported from /srv/bilateral/app, so the
# seed data directory (/srv/bilateral/seed) and alembic.ini/migrations/ are
# found next to it at runtime.
RUN pip install --no-cache-dir -e .
# The app's own bytecode, in the image: pip does not compile an editable install's source, and
# PYTHONDONTWRITEBYTECODE (above) keeps Python from saving it, so without this every worker of every
# container start would compile the whole app first.
RUN python -m compileall -q app migrations

# Code stays root-owned (read-only for the app). The directory itself is
# writable so the default DATABASE_URL (bilateral.db beside app/, here
# /srv/bilateral/bilateral.db) still works for a plain `docker run`; compose
# points DATABASE_URL at Postgres.
RUN chown bilateral:bilateral /srv/bilateral
USER bilateral

EXPOSE 8000

# No curl/wget in slim images: use the interpreter. urlopen raises on 4xx/5xx
# and on connection errors, so anything but a 200 exits non-zero.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status == 200 else 1)"]

CMD ["bilateral", "serve", "--host", "0.0.0.0", "--port", "8000"]
