import type { Entity } from "../entity";
import { isPlainObject } from "../field-formats";
import { HINTS, SPEC, type KindDefinition } from "./kind-definition";

export type TemplateSpec = {
  type: string;
  steps: Array<{ action: string; id?: string; name?: string; input?: Record<string, unknown>; [key: string]: unknown }>;
  parameters?: Record<string, unknown> | Array<Record<string, unknown>>;
  owner?: string;
  lifecycle?: string;
  output?: Record<string, unknown>;
  [key: string]: unknown;
};

export interface TemplateEntity extends Entity {
  kind: "Template";
  spec: TemplateSpec;
}

export function isTemplateEntity(entity: Entity): entity is TemplateEntity {
  return entity.kind === "Template";
}

/**
 * Scaffolder templates. Current Backstage only processes `scaffolder.backstage.io/v1beta3`; the
 * older `backstage.io/v1beta2` form is no longer loaded there, so it is not accepted here either.
 */
export const templateKind: KindDefinition = {
  kind: "Template",
  apiVersions: ["scaffolder.backstage.io/v1beta3"],
  validateSpec(spec, check) {
    check.string(spec, SPEC, "type", {
      required: true,
      hint: 'The kind of thing it creates, e.g. "service" or "website".',
    });
    check.string(spec, SPEC, "owner", { hint: HINTS.owner });
    check.string(spec, SPEC, "lifecycle", { hint: HINTS.lifecycle });
    check.object(spec, SPEC, "output");

    const parameters = spec.parameters;
    if (parameters !== undefined) {
      const path = [...SPEC, "parameters"];
      if (Array.isArray(parameters)) {
        parameters.forEach((form: unknown, index) => {
          if (!isPlainObject(form)) check.typeError([...path, index], form, "an object (one JSON Schema form page)");
        });
      } else if (!isPlainObject(parameters)) {
        check.typeError(path, parameters, "a JSON Schema object or a list of them (one per form page)");
      }
    }

    if (spec.steps === undefined || spec.steps === null) {
      check.report(
        [...SPEC, "steps"],
        "required",
        'spec.steps is missing but is required; list the actions to run, e.g. "- action: fetch:template".',
      );
      return;
    }
    if (!Array.isArray(spec.steps)) {
      check.typeError([...SPEC, "steps"], spec.steps, "a list of steps");
      return;
    }
    spec.steps.forEach((step: unknown, index) => {
      const stepPath = [...SPEC, "steps", index];
      if (!isPlainObject(step)) {
        check.typeError(stepPath, step, "an object with an action");
        return;
      }
      check.string(step, stepPath, "action", {
        required: true,
        hint: 'Name the scaffolder action, e.g. "fetch:template".',
      });
      check.string(step, stepPath, "id");
      check.string(step, stepPath, "name");
      check.object(step, stepPath, "input");
      if (step.if !== undefined && typeof step.if !== "string" && typeof step.if !== "boolean") {
        check.typeError([...stepPath, "if"], step.if, "a string or boolean condition");
      }
    });
  },
};
