#!/bin/sh
echo "schema-engine binary unavailable offline; use scripts/prisma-migrate.ts" >&2; exit 1
