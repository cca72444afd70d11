import pg from "pg";

/**
 * Cluster-level setup that migrations cannot do themselves because it needs a superuser: the three
 * roles and the database. Used by `pnpm start`, the test harness and the docker-compose init;
 * in production an operator (or Terraform) creates the same roles once.
 *
 *  - greenroom_owner: owns the schema, runs migrations; no BYPASSRLS, so FORCE RLS binds it too.
 *  - greenroom_app:   what the web app and worker log in as; DML only, no BYPASSRLS.
 *  - greenroom_search: NOLOGIN, BYPASSRLS; owns the SECURITY DEFINER search function only.
 */
export const ROLES = { owner: "greenroom_owner", app: "greenroom_app", search: "greenroom_search" } as const;

export type BootstrapOptions = {
  adminUrl: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
};

export type DatabaseUrls = { ownerUrl: string; appUrl: string };

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing unusual identifier "${name}"`);
  return `"${name}"`;
}

async function ensureRole(client: pg.Client, name: string, attributes: string): Promise<void> {
  // Two bootstraps (a test run and `pnpm start`) may race to create the same cluster-wide role.
  await client.query(`
    DO $$ BEGIN
      CREATE ROLE ${quoteIdent(name)} ${attributes};
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;`);
}

export function databaseUrls(adminUrl: string, options: Omit<BootstrapOptions, "adminUrl">): DatabaseUrls {
  const build = (user: string, password: string) => {
    const url = new URL(adminUrl);
    url.username = user;
    url.password = password;
    url.pathname = `/${options.database}`;
    return url.toString();
  };
  return {
    ownerUrl: build(ROLES.owner, options.ownerPassword),
    appUrl: build(ROLES.app, options.appPassword),
  };
}

export async function bootstrapDatabase(options: BootstrapOptions): Promise<DatabaseUrls> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    const literal = (value: string) => admin.escapeLiteral(value);
    await ensureRole(admin, ROLES.owner, `LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal(options.ownerPassword)}`);
    await ensureRole(admin, ROLES.app, `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${literal(options.appPassword)}`);
    await ensureRole(admin, ROLES.search, "NOLOGIN NOSUPERUSER BYPASSRLS");
    // The owner must be able to hand the search function to greenroom_search.
    await admin.query(`GRANT ${quoteIdent(ROLES.search)} TO ${quoteIdent(ROLES.owner)}`);

    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) {
      await admin
        .query(`CREATE DATABASE ${quoteIdent(options.database)} OWNER ${quoteIdent(ROLES.owner)}`)
        .catch((error: { code?: string }) => {
          if (error.code !== "42P04") throw error; // created concurrently
        });
    }
    await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(options.database)} TO ${quoteIdent(ROLES.app)}`);
  } finally {
    await admin.end();
  }
  return databaseUrls(options.adminUrl, options);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
