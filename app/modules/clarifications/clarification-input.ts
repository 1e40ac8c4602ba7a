import { z } from "zod";
import { QUESTION_KEY_PATTERN } from "../questionnaires/template-definition";

/**
 * Input of the clarification use cases. Plain zod (no server imports) so the component can use
 * the same limits for its form fields as the server uses to validate them.
 */
export const CLARIFICATION_BODY_MAX_CHARS = 5000;

const id = z.string().trim().min(1).max(100);

export const clarificationBodySchema = z.string().trim().min(1).max(CLARIFICATION_BODY_MAX_CHARS);

export const askClarificationSchema = z.object({
  assessmentId: id,
  questionKey: z.string().max(200).regex(QUESTION_KEY_PATTERN),
  body: clarificationBodySchema,
});
export type AskClarificationInput = z.input<typeof askClarificationSchema>;

export const replyClarificationSchema = z.object({
  threadId: id,
  body: clarificationBodySchema,
  /** Users reply from an assessment page: the thread must belong to that assessment. */
  assessmentId: id.optional(),
});
export type ReplyClarificationInput = z.input<typeof replyClarificationSchema>;

export const resolveClarificationSchema = z.object({
  threadId: id,
  assessmentId: id.optional(),
});
export type ResolveClarificationInput = z.input<typeof resolveClarificationSchema>;

export type ClarificationStatus = "OPEN" | "RESOLVED";

/** What a page gets: no raw author ids (user ids, invite ids) leave the server. */
export interface ClarificationMessageView {
  id: string;
  /** Who wrote it: someone of the organisation or a vendor contact. */
  authorKind: "user" | "vendor";
  authorLabel: string;
  body: string;
  createdAt: Date;
}

export interface ClarificationThreadView {
  id: string;
  questionKey: string;
  status: ClarificationStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  messages: ClarificationMessageView[];
}

export type ClarificationsByQuestion = Record<string, ClarificationThreadView[]>;

/** Error codes of the clarification routes' fetcher answers; the component translates them. */
export type ClarificationFormError = "body" | "notFound" | "forbidden" | "closed" | "invalid";

export type ClarificationActionData =
  { ok: true; intent: string } | { ok: false; intent: string; error: ClarificationFormError };
