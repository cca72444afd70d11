import { z } from "zod";

import { RESERVED_SLUGS } from "./reserved-slugs";

// The input rules shared by the API (validation) and the web forms (hints).

export const ZEmail = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@company.com"))
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const ZPersonName = z
  .string()
  .trim()
  .min(1, "Enter your name")
  .max(100, "Names are at most 100 characters");

export const ZOrgName = z
  .string()
  .trim()
  .min(2, "Organization names are at least 2 characters")
  .max(80, "Organization names are at most 80 characters");

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export const ZOrgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "URLs are at least 3 characters")
  .max(40, "URLs are at most 40 characters")
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, starting and ending with a letter or digit")
  .refine((slug) => !slug.includes("--"), "Use single hyphens only")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This URL is reserved, choose another");

export const ZRole = z.enum(["OWNER", "ADMIN", "MEMBER", "VIEWER"]);

/** Turns an org name into a slug suggestion ("Acme, Inc." → "acme-inc"). */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}
