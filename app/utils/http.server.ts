import { DomainError, statusForCode } from "./errors";

/**
 * Runs a use case from a route and turns a DomainError into the matching HTTP Response (thrown,
 * so Remix shows the route's error boundary). Unknown errors propagate to the root boundary,
 * which shows a request id only.
 */
export async function runUseCase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) {
      throw new Response(error.message, { status: statusForCode(error.code) });
    }
    throw error;
  }
}

export function notFoundResponse(): Response {
  return new Response("Not Found", { status: 404 });
}

/** zod issues → { field: firstMessage } for forms. */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}
