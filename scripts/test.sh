#!/usr/bin/env bash
# Runs all of grip's tests: vet, then every package's tests against real
# SQLite, real PostgreSQL and real Chromium. PostgreSQL is taken from
# $GRIP_TEST_POSTGRES, or the local server on 127.0.0.1:5432 when one answers;
# tests that need a missing service or browser skip with a message (and fail
# under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${GRIP_TEST_POSTGRES:-}" ] && command -v pg_isready >/dev/null 2>&1 \
   && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  export GRIP_TEST_POSTGRES="postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
fi
go vet ./...
go test -count=1 -timeout 30m ./...
