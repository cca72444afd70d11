// Word lists for the seeded org. Kept plain and generic so generated names look like a real
// company's repositories ("payments-api", "ledger-worker") rather than lorem ipsum.

/** Business areas: top-level teams, systems and the first half of repository names. */
export const DOMAINS = [
  "payments", "billing", "checkout", "identity", "auth", "search", "catalog", "inventory", "orders",
  "shipping", "fulfillment", "pricing", "ledger", "fraud", "risk", "notifications", "messaging",
  "analytics", "reporting", "growth", "onboarding", "accounts", "profiles", "recommendations",
  "ads", "marketing", "support", "helpdesk", "compliance", "audit", "platform", "infra", "network",
  "storage", "observability", "logging", "metrics", "tracing", "deploy", "build", "ci", "security",
  "secrets", "data", "warehouse", "ml", "experiments", "feature-flags", "mobile", "web", "design",
  "content", "media", "video", "images", "maps", "geo", "partners", "integrations", "webhooks",
  "scheduling", "calendar", "chat", "feeds", "social", "reviews", "loyalty", "rewards", "tax",
  "invoicing", "payroll", "hr", "docs", "devtools", "sandbox", "edge", "cdn", "dns", "email",
] as const;

export type RepoKind = {
  suffix: string;
  componentType: "service" | "website" | "library" | "worker" | "tool" | "infrastructure" | "documentation" | "model" | "mobile";
  languages: string[];
  describe: (domain: string) => string;
};

export const REPO_KINDS: RepoKind[] = [
  { suffix: "api", componentType: "service", languages: ["Go", "Java", "Kotlin", "TypeScript", "Python", "Rust"], describe: (d) => `Public HTTP API for ${d}` },
  { suffix: "service", componentType: "service", languages: ["Go", "Java", "Kotlin", "Scala", "C#", "Ruby"], describe: (d) => `Core ${d} service` },
  { suffix: "worker", componentType: "worker", languages: ["Go", "Python", "Java", "TypeScript", "Elixir"], describe: (d) => `Background worker that processes ${d} events` },
  { suffix: "web", componentType: "website", languages: ["TypeScript", "JavaScript"], describe: (d) => `Customer-facing ${d} web app` },
  { suffix: "ui", componentType: "website", languages: ["TypeScript", "JavaScript"], describe: (d) => `Internal ${d} admin UI` },
  { suffix: "sdk", componentType: "library", languages: ["TypeScript", "Go", "Python", "Java"], describe: (d) => `Client SDK for the ${d} API` },
  { suffix: "lib", componentType: "library", languages: ["Go", "TypeScript", "Python", "Rust", "Java"], describe: (d) => `Shared ${d} library` },
  { suffix: "cli", componentType: "tool", languages: ["Go", "Rust", "Python"], describe: (d) => `Command-line tool for ${d} operators` },
  { suffix: "gateway", componentType: "service", languages: ["Go", "Rust", "Java"], describe: (d) => `Edge gateway in front of ${d}` },
  { suffix: "proxy", componentType: "service", languages: ["Go", "Rust", "C++"], describe: (d) => `Caching proxy for ${d} traffic` },
  { suffix: "jobs", componentType: "worker", languages: ["Python", "Ruby", "Go"], describe: (d) => `Scheduled ${d} jobs` },
  { suffix: "etl", componentType: "worker", languages: ["Python", "Scala", "SQL"], describe: (d) => `ETL pipelines feeding ${d} data into the warehouse` },
  { suffix: "pipeline", componentType: "worker", languages: ["Python", "Scala", "Java"], describe: (d) => `Streaming pipeline for ${d}` },
  { suffix: "infra", componentType: "infrastructure", languages: ["HCL"], describe: (d) => `Terraform for ${d} infrastructure` },
  { suffix: "terraform", componentType: "infrastructure", languages: ["HCL"], describe: (d) => `Terraform modules used by ${d}` },
  { suffix: "helm", componentType: "infrastructure", languages: ["Smarty", "Shell"], describe: (d) => `Helm charts for deploying ${d}` },
  { suffix: "docs", componentType: "documentation", languages: ["MDX", "Markdown"], describe: (d) => `Documentation for ${d}` },
  { suffix: "dashboard", componentType: "website", languages: ["TypeScript", "Python"], describe: (d) => `Operational dashboard for ${d}` },
  { suffix: "model", componentType: "model", languages: ["Python", "Jupyter Notebook"], describe: (d) => `Machine-learning model for ${d}` },
  { suffix: "bot", componentType: "tool", languages: ["TypeScript", "Python", "Go"], describe: (d) => `Chat bot that automates ${d} chores` },
  { suffix: "sync", componentType: "worker", languages: ["Go", "TypeScript", "Python"], describe: (d) => `Keeps ${d} in sync with partner systems` },
  { suffix: "exporter", componentType: "tool", languages: ["Go"], describe: (d) => `Prometheus exporter for ${d}` },
  { suffix: "operator", componentType: "service", languages: ["Go"], describe: (d) => `Kubernetes operator managing ${d}` },
  { suffix: "ios", componentType: "mobile", languages: ["Swift", "Objective-C"], describe: (d) => `iOS app module for ${d}` },
  { suffix: "android", componentType: "mobile", languages: ["Kotlin", "Java"], describe: (d) => `Android app module for ${d}` },
  { suffix: "graphql", componentType: "service", languages: ["TypeScript", "Go"], describe: (d) => `GraphQL schema and resolvers for ${d}` },
];

/** Variants that multiply the name space so 10,000 repositories stay unique and plausible. */
export const NAME_VARIANTS = ["", "", "", "legacy-", "internal-", "next-", "-v2", "-poc", "-e2e", "-mock"] as const;

export const EXTRA_TOPICS = [
  "grpc", "rest", "graphql", "kafka", "postgres", "redis", "mysql", "dynamodb", "kubernetes", "docker",
  "terraform", "aws", "gcp", "react", "nextjs", "spring-boot", "microservice", "monorepo", "tier-1",
  "tier-2", "tier-3", "pci", "gdpr", "public-api", "internal", "experimental", "deprecated",
];

export const SECONDARY_LANGUAGES = ["Shell", "Dockerfile", "Makefile", "HCL", "YAML", "HTML", "CSS"];

export const LANGUAGE_COLORS: Record<string, string> = {
  Go: "#00ADD8", Java: "#b07219", Kotlin: "#A97BFF", TypeScript: "#3178c6", JavaScript: "#f1e05a",
  Python: "#3572A5", Rust: "#dea584", Scala: "#c22d40", "C#": "#178600", Ruby: "#701516", Elixir: "#6e4a7e",
  "C++": "#f34b7d", HCL: "#844FBA", Smarty: "#f0c040", Shell: "#89e051", MDX: "#fcb32c", Markdown: "#083fa1",
  SQL: "#e38c00", Swift: "#F05138", "Objective-C": "#438eff", "Jupyter Notebook": "#DA5B0B",
  Dockerfile: "#384d54", Makefile: "#427819", YAML: "#cb171e", HTML: "#e34c26", CSS: "#563d7c",
};

export const FIRST_NAMES = [
  "Ada", "Alan", "Alex", "Amara", "Ana", "Andrei", "Anika", "Ben", "Bianca", "Carlos", "Chen", "Chloe",
  "Dan", "Daria", "David", "Deepa", "Diego", "Elena", "Eli", "Emma", "Farah", "Felix", "Fatima", "Grace",
  "Hana", "Hugo", "Ibrahim", "Ines", "Ivan", "Jade", "James", "Jin", "Joao", "Julia", "Kai", "Kenji",
  "Kira", "Lars", "Leila", "Liam", "Lina", "Lucas", "Maya", "Mei", "Mia", "Mohamed", "Nadia", "Nia",
  "Noah", "Olga", "Omar", "Pablo", "Priya", "Quinn", "Rafael", "Rania", "Ravi", "Rosa", "Sam", "Sara",
  "Sofia", "Tariq", "Theo", "Uma", "Victor", "Wei", "Yara", "Yusuf", "Zara", "Zoe",
];

export const LAST_NAMES = [
  "Adeyemi", "Alvarez", "Andersen", "Bauer", "Becker", "Chen", "Costa", "Dubois", "Eriksson", "Fischer",
  "Garcia", "Gupta", "Haddad", "Hansen", "Ito", "Ivanova", "Jensen", "Kim", "Kowalski", "Kumar", "Lee",
  "Lopez", "Martin", "Meyer", "Moreau", "Muller", "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen",
  "Park", "Patel", "Petrov", "Reyes", "Rossi", "Sato", "Schmidt", "Silva", "Singh", "Smith", "Suzuki",
  "Tanaka", "Torres", "Ueda", "Virtanen", "Wagner", "Wang", "Weber", "Yamamoto", "Zhang",
];

export const CITIES = ["Berlin", "Lisbon", "London", "New York", "San Francisco", "Toronto", "Singapore", "Tokyo", "Nairobi", "Sao Paulo", "Bangalore", "Remote"];

export const TEAM_SUFFIXES = ["core", "platform", "experience", "reliability", "data", "frontend", "backend", "mobile", "infra", "insights", "tools", "quality"];

export const LICENSES = [
  { key: "mit", name: "MIT License", spdxId: "MIT" },
  { key: "apache-2.0", name: "Apache License 2.0", spdxId: "Apache-2.0" },
  { key: "other", name: "Other", spdxId: "NOASSERTION" },
];
