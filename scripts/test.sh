#!/usr/bin/env bash
# `npm test`: every test. Installs what it needs first (Debian's Chromium for Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
# The generated Prisma client is gitignored; postinstall makes it, but be sure.
[ -f lib/generated/prisma/client.ts ] || npm run --silent db:generate

echo "[test] typecheck"
npx tsc --noEmit -p .

echo "[test] lint and format"
npx eslint . --max-warnings 0
npx prettier --check . --log-level warn
# Prettier formats Markdown with a merge's conflict markers still in it; nothing else would notice.
if git grep -nE '^(<{7}|>{7}) ' -- . ':!node_modules' 2>/dev/null; then
  echo "[test] unresolved merge conflict markers (above)" >&2
  exit 1
fi

echo "[test] unit and integration tests (embedded PGlite)"
npx vitest run

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "[test] integration tests against PostgreSQL (TEST_DATABASE_URL)"
  npx vitest run test/integration
fi

echo "[test] end-to-end tests (Playwright, Debian's Chromium)"
npx tsx scripts/e2e.ts
