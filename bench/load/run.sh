#!/usr/bin/env bash
# Load test: gunicorn (production settings, DEBUG off, WhiteNoise static) on PostgreSQL with the
# demo content, a headless, time-bounded locust run against 127.0.0.1, then checks against the
# database. Prints the locust summary and PASS/FAIL per check; exits non-zero on any failure.
#
#   bench/load/run.sh                     # 100 users, 60 s, DB h_fault_load
#   USERS=50 DURATION=30s bench/load/run.sh
#
# Environment (all optional): DATABASE_URL (default postgres://postgres@127.0.0.1:5432/h_fault_load;
# created, migrated and given the demo content if empty), REDIS_URL (default: local-memory cache),
# USERS, SPAWN_RATE, DURATION, WORKERS (2), THREADS (8), PORT (free port), LOCUST (locust binary),
# LOAD_OUT (bench/out/load). See README, "Load test".
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
GUNICORN=${GUNICORN:-$ROOT/.venv/bin/gunicorn}
LOCUST=${LOCUST:-$ROOT/.venv/bin/locust}
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/h_fault_load}
export DJANGO_SETTINGS_MODULE=portal.settings.load
export SECRET_KEY=${SECRET_KEY:-load-test-only-$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}
export ALLOWED_HOSTS=127.0.0.1 WAGTAILADMIN_BASE_URL=http://127.0.0.1
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-60}
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend   # never mail anyone from a load run
export STATIC_ROOT=${STATIC_ROOT:-$ROOT/bench/out/load-static}
export LOAD_OUT=${LOAD_OUT:-$ROOT/bench/out/load}
export LOG_LEVEL=${LOG_LEVEL:-WARNING}
USERS=${USERS:-100} SPAWN_RATE=${SPAWN_RATE:-20} DURATION=${DURATION:-60s}
WORKERS=${WORKERS:-2} THREADS=${THREADS:-8}
PORT=${PORT:-$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
HOST=http://127.0.0.1:$PORT

case "$DATABASE_URL" in postgres*) ;; *) echo "The load test needs PostgreSQL (DATABASE_URL=postgres://...)"; exit 2;; esac
command -v "$LOCUST" >/dev/null || { echo "locust not found: pip install locust, or set LOCUST=/path/to/locust"; exit 2; }

echo "== setup: database, demo content, static files, project-lead accounts"
DBNAME=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -qtc "select 1 from pg_database where datname='$DBNAME'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "create database \"$DBNAME\""
$PY manage.py migrate --noinput -v0
if ! $PY manage.py shell -c "from home.models import HomePage; import sys; sys.exit(0 if HomePage.objects.exists() else 1)"; then
  $PY manage.py load_demo
fi
$PY manage.py collectstatic --noinput -v0
$PY bench/load/setup_leads.py "${LOAD_LEADS:-10}"   # also frees the seats earlier load runs booked
rm -rf "$LOAD_OUT" && mkdir -p "$LOAD_OUT"

echo "== gunicorn: $WORKERS workers x $THREADS threads on $HOST"
"$GUNICORN" portal.wsgi:application --bind "127.0.0.1:$PORT" --workers "$WORKERS" --threads "$THREADS" \
  --worker-class gthread --timeout 60 --graceful-timeout 10 --keep-alive 30 --log-level warning \
  --error-logfile "$LOAD_OUT/gunicorn.log" --pid "$LOAD_OUT/gunicorn.pid" &
GPID=$!
trap 'kill $GPID 2>/dev/null || true; wait $GPID 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf -o /dev/null "$HOST/sv/" && break; sleep 1; done
curl -sf -o /dev/null "$HOST/sv/" || { echo "gunicorn did not start"; cat "$LOAD_OUT/gunicorn.log"; exit 1; }

echo "== locust: $USERS users for $DURATION"
set +e
"$LOCUST" -f bench/load/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$DURATION" --host "$HOST" \
  --only-summary --csv "$LOAD_OUT/locust" --stop-timeout 10 2>&1 | tee "$LOAD_OUT/locust.txt" | grep -v '^\[' 
set -e
kill $GPID; wait $GPID 2>/dev/null || true; trap - EXIT

echo "== checks"
grep -ciE "Traceback|Error" "$LOAD_OUT/gunicorn.log" >/dev/null && { echo "gunicorn error log:"; tail -20 "$LOAD_OUT/gunicorn.log"; }
$PY bench/load/check.py "$LOAD_OUT"
