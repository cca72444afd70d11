export { DomainError } from "./errors";
export type { DomainErrorCode } from "./errors";
export * from "./schemas";
export { AUDIT_ACTIONS, recordAudit } from "./audit";
export type { AuditAction, RequestMeta, ActorRef } from "./audit";
export { checkPasswordPolicy, hashPassword, verifyPassword } from "./password";
export { createRateLimiter, RATE_LIMITS } from "./rate-limit";
export type { RateLimiter, RateLimitRule } from "./rate-limit";
export { hasRole, canAssignRole, canManageMember, ROLES_HIGH_TO_LOW } from "./roles";
export { signUp, createOrganization, TRIAL_DAYS } from "./signup";
export type { SignUpInput, SignUpResult, NewOrganization } from "./signup";
export { authenticate } from "./authenticate";
export type { AuthenticatedUser } from "./authenticate";
export { changeMemberRole, removeMember, leaveOrganization } from "./members";
export type { Actor } from "./members";
export {
  createInvitation,
  revokeInvitation,
  previewInvitation,
  acceptInvitation,
  invitationStatus,
  INVITATION_TTL_DAYS,
} from "./invitations";
export type { InvitationPreview, InvitationStatus } from "./invitations";
export { updateOrganizationSettings, listMyOrganizations } from "./organization";
export { createApiToken, revokeApiToken, authenticateApiToken, tenantOfApiToken, hashApiToken, API_TOKEN_NAME_MAX } from "./api-tokens";
export type { ApiTokenPrincipal } from "./api-tokens";
