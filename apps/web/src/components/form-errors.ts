import type { FieldErrors } from "@greenroom/api";

type ErrorWithData = { message?: string; data?: { fieldErrors?: FieldErrors | null } | null };

/** The message for one form field from a tRPC error (dotted paths, as the server sends them). */
export function fieldError(error: unknown, field: string): string | null {
  return (error as ErrorWithData | null)?.data?.fieldErrors?.[field]?.[0] ?? null;
}

/** The error to show above the form: the message, unless a field already shows it. */
export function formError(error: unknown, fields: string[]): string | null {
  if (!error) return null;
  const fieldErrors = (error as ErrorWithData).data?.fieldErrors ?? {};
  if (fields.some((field) => fieldErrors[field]?.length)) return null;
  return (error as ErrorWithData).message ?? "Something went wrong. Try again.";
}
