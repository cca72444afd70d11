// Slugs that would shadow a top-level route of the app, or that we may want later.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about", "account", "accounts", "admin", "api", "app", "apps", "assets", "auth", "billing", "blog",
  "catalog", "console", "dashboard", "docs", "favicon.ico", "greenroom", "health", "help", "home",
  "invite", "invites", "invitation", "login", "logout", "new", "org", "orgs", "organizations",
  "pricing", "privacy", "public", "register", "robots.txt", "root", "security", "settings", "signin",
  "signout", "signup", "static", "status", "support", "system", "team", "teams", "terms", "user",
  "users", "www", "webhooks", "_next",
]);
