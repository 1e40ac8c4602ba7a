/**
 * Who performs a use case before having an account or session (e.g. someone opening an
 * invitation link). Only the client IP is known; it feeds rate limits and the audit trail.
 */
export type Visitor = { kind: "visitor"; ip: string | null };

export function visitorFrom(ip: string | null): Visitor {
  return { kind: "visitor", ip };
}
