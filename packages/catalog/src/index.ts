// Entity model
export { DEFAULT_NAMESPACE } from "./entity";
export type { Entity, EntityMeta, EntityLink, EntityRelationRecord, ParsedEntity, Placeholder } from "./entity";

// Reading files
export { parseCatalogYaml } from "./parse-yaml";
export { parseCatalogJson, parseCatalogEntities } from "./parse-json";
export { DEFAULT_LIMITS } from "./parse-options";
export type { CatalogParseOptions, CatalogParseResult } from "./parse-options";
export { validateEntity } from "./validate-entity";
export type { ValidateEntityContext, EntityValidationResult } from "./validate-entity";
export { formatCatalogError, formatPath } from "./errors";
export type { CatalogError, CatalogRule } from "./errors";

// Field formats (also used by forms that edit entities)
export {
  isValidApiVersion,
  isValidKind,
  isValidEntityName,
  isValidNamespace,
  isValidLabelKey,
  isValidLabelValue,
  isValidAnnotationKey,
  isValidTag,
  isValidUrl,
} from "./field-formats";

// Kinds
export { KNOWN_KINDS, knownKind } from "./kinds";
export type { KindDefinition } from "./kinds/kind-definition";
export { isComponentEntity, type ComponentEntity, type ComponentSpec } from "./kinds/component";
export { isApiEntity, type ApiEntity, type ApiSpec } from "./kinds/api";
export { isSystemEntity, type SystemEntity, type SystemSpec } from "./kinds/system";
export { isDomainEntity, type DomainEntity, type DomainSpec } from "./kinds/domain";
export { isResourceEntity, type ResourceEntity, type ResourceSpec } from "./kinds/resource";
export { isGroupEntity, type GroupEntity, type GroupSpec, type Profile } from "./kinds/group";
export { isUserEntity, type UserEntity, type UserSpec } from "./kinds/user";
export { isLocationEntity, type LocationEntity, type LocationSpec } from "./kinds/location";
export { isTemplateEntity, type TemplateEntity, type TemplateSpec } from "./kinds/template";

// References
export {
  parseEntityRef,
  tryParseEntityRef,
  stringifyEntityRef,
  getCompoundEntityRef,
  isSameEntityRef,
  InvalidEntityRefError,
} from "./entity-ref";
export type { CompoundEntityRef, EntityRefInput, EntityRefContext, ParseEntityRefResult } from "./entity-ref";
export { SPEC_REF_FIELDS, specRefFields, defaultKindForField } from "./ref-fields";
export type { SpecRefField } from "./ref-fields";
export { parseLocationRef, stringifyLocationRef } from "./location-ref";
export type { LocationRef } from "./location-ref";

// Relations
export * from "./relation-types";
export { relationsOf } from "./relations-of";
export type { EntityRelation } from "./relations-of";

// Hashing
export { entityContentHash } from "./content-hash";
export { canonicalJson } from "./canonical-json";

// Annotations
export * from "./annotations";
