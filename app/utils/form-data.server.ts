import { errorResponse } from "./http.server";

/** The largest text a single form field may carry (answers are capped lower by their schemas). */
const MAX_FIELD_CHARS = 100_000;

/**
 * Reads a request's form body. A body that is not a readable form, or that carries NUL bytes
 * (which PostgreSQL text columns refuse) or a giant field, is answered with 400 and a clear
 * message instead of a 500 further down.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw errorResponse(400, { key: "errors.formUnreadable" });
  }
  for (const [, value] of form) {
    if (typeof value !== "string") continue;
    if (value.includes("\u0000")) throw errorResponse(400, { key: "errors.formInvalidCharacters" });
    if (value.length > MAX_FIELD_CHARS)
      throw errorResponse(400, {
        key: "errors.formFieldTooLong",
        params: { max: MAX_FIELD_CHARS },
      });
  }
  return form;
}
