import { migrationPaths } from "./migrate-cli";
import { deployMigrations as deployWithPaths } from "./schema-engine";

/** `prisma migrate deploy` for this repository's migrations. */
export function deployMigrations(ownerUrl: string): Promise<string[]> {
  return deployWithPaths(ownerUrl, migrationPaths);
}
