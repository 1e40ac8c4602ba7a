import { z } from "zod";
import { cleanDisplayText } from "./display-text";

/**
 * The zod side of cleanDisplayText: every user-supplied name or title is cleaned first, then
 * checked, so limits count visible characters and a name of only invisible characters gets the
 * field's "required" message (localised by the caller's message keys). Idempotent like the
 * cleaner: parsing the parsed value again gives the same value.
 */
interface DisplayNameMessages {
  max: number;
  /** Shown for a missing, empty or only-invisible value. */
  required: string;
  /** Default undefined: zod's own message. */
  tooLong?: string;
  /** At least this many visible characters (default 1). */
  min?: number;
  tooShort?: string;
}

export function displayNameSchema({
  max,
  required,
  tooLong,
  min = 1,
  tooShort = required,
}: DisplayNameMessages) {
  return z
    .string({ error: required })
    .transform(cleanDisplayText)
    .pipe(
      z
        .string()
        .min(1, { error: required })
        .min(min, { error: tooShort })
        .max(max, tooLong === undefined ? undefined : { error: tooLong }),
    );
}

/** An optional name: missing, empty or only invisible characters → null. */
export function optionalDisplayNameSchema({
  max,
  tooLong,
  invalid,
}: {
  max: number;
  tooLong?: string;
  invalid?: string;
}) {
  return z
    .string(invalid === undefined ? undefined : { error: invalid })
    .nullish()
    .transform((value) => (value ? cleanDisplayText(value) : ""))
    .pipe(z.string().max(max, tooLong === undefined ? undefined : { error: tooLong }))
    .transform((value) => (value === "" ? null : value));
}
