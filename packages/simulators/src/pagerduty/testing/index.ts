export { PagerdutyFixtures, LIVE_NULLABLE, allowNullProperties } from "./fixture-validator";
export type { ValidationResult } from "../../shared/fixture-ajv";
export { pdRequest, pdUrl } from "./client";
export type { PdAnswer, Query } from "./client";
