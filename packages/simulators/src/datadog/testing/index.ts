export { DatadogFixtures } from "./fixture-validator";
export type { DatadogEndpointFixture } from "./fixture-validator";
export type { ValidationResult } from "../../shared/fixture-ajv";
export { ddRequest } from "./client";
export type { DdAnswer, DdKeys } from "./client";
