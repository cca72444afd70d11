export * from "./crypto";
export * from "./network";
export * from "./errors";
export * from "./connector";
export * from "./integrations";
export * from "./schedule";
export * from "./sync";
