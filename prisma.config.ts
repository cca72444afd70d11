import "dotenv/config";
import { defineConfig } from "prisma/config";

// The CLI (migrate deploy/diff) connects as the schema owner, never as the app role.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_OWNER_URL ?? "postgresql://greenroom_owner@127.0.0.1:5432/greenroom",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
