export * from "./fixtures";
export * from "./cross-tenant-harness";
export * from "./catalog-fixtures";
