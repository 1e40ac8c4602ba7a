import { messageKey } from "../../utils/validation-messages";
import { z } from "zod";
import { displayNameSchema, optionalDisplayNameSchema } from "../../utils/display-name-schema";

/**
 * Inputs of the review use cases (findings, comments, change requests). Plain module (no server
 * imports) so the forms in app/components/review can share the constants.
 */
export const FINDING_SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const FINDING_STATUSES = ["OPEN", "IN_PROGRESS", "RESOLVED", "ACCEPTED"] as const;
export const COMMENT_VISIBILITIES = ["INTERNAL", "VENDOR"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const FINDING_TEXT_MAX = 5000;
export const COMMENT_BODY_MAX = 5000;
export const CHANGE_MESSAGE_MAX = 5000;

const questionKey = z.string().trim().min(1).max(200);
/** A calendar day (YYYY-MM-DD) or nothing; stored as 23:59:59 UTC of that day like other due dates. */
const optionalDay = z
  .string()
  .trim()
  .refine(
    (v) =>
      v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))),
    messageKey("review.invalidDate"),
  )
  .optional()
  .transform((v) => (v ? v : null));

export const findingFieldsSchema = z.object({
  title: displayNameSchema({
    min: 3,
    max: 200,
    required: messageKey("review.titleTooShort"),
    tooLong: messageKey("review.titleTooLong"),
  }),
  severity: z.enum(FINDING_SEVERITIES, { message: messageKey("review.invalidSeverity") }),
  description: z
    .string()
    .trim()
    .min(1, messageKey("review.descriptionRequired"))
    .max(FINDING_TEXT_MAX, messageKey("review.textTooLong")),
  remediation: z
    .string()
    .trim()
    .max(FINDING_TEXT_MAX, messageKey("review.textTooLong"))
    .default(""),
  owner: optionalDisplayNameSchema({ max: 200, tooLong: messageKey("review.ownerTooLong") }),
  dueDate: optionalDay,
  status: z.enum(FINDING_STATUSES, { message: messageKey("review.invalidStatus") }).default("OPEN"),
  questionKeys: z.array(questionKey).max(200).default([]),
});
export type FindingFields = z.input<typeof findingFieldsSchema>;

export const createFindingSchema = findingFieldsSchema.extend({ assessmentId: z.string().min(1) });
export type CreateFindingInput = z.input<typeof createFindingSchema>;

export const updateFindingSchema = findingFieldsSchema.extend({
  assessmentId: z.string().min(1),
  findingId: z.string().min(1),
  expectedVersion: z.coerce.number().int().min(1),
});
export type UpdateFindingInput = z.input<typeof updateFindingSchema>;

export const deleteFindingSchema = z.object({
  assessmentId: z.string().min(1),
  findingId: z.string().min(1),
  expectedVersion: z.coerce.number().int().min(1),
});
export type DeleteFindingInput = z.input<typeof deleteFindingSchema>;

export const addCommentSchema = z.object({
  assessmentId: z.string().min(1),
  questionKey: questionKey
    .optional()
    .nullable()
    .transform((v) => v || null),
  visibility: z.enum(COMMENT_VISIBILITIES, { message: messageKey("review.invalidVisibility") }),
  body: z
    .string()
    .trim()
    .min(1, messageKey("review.bodyRequired"))
    .max(COMMENT_BODY_MAX, messageKey("review.textTooLong")),
});
export type AddCommentInput = z.input<typeof addCommentSchema>;

export const requestChangesSchema = z.object({
  assessmentId: z.string().min(1),
  questionKeys: z.array(questionKey).min(1, messageKey("review.questionsRequired")).max(500),
  message: z
    .string()
    .trim()
    .min(3, messageKey("review.messageRequired"))
    .max(CHANGE_MESSAGE_MAX, messageKey("review.textTooLong")),
  expectedVersion: z.coerce.number().int().optional(),
});
export type RequestChangesInput = z.input<typeof requestChangesSchema>;

/** Stored JSON arrays of question keys; anything unreadable counts as none. */
export function parseKeyList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

/** "2027-03-31" → the Date other calendar days are stored as (23:59:59 UTC of that day). */
export function calendarDay(day: string | null): Date | null {
  return day ? new Date(`${day}T23:59:59Z`) : null;
}
