/** Prisma's unique-constraint error (P2002), so callers can answer CONFLICT without importing Prisma. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
