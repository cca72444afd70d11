export * from "./fixtures";
export * from "./cross-tenant-harness";
