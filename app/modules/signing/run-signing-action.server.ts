import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { DomainError } from "~/utils/errors";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import type { CertificateForm } from "./read-certificate-form.server";
import { removeSigningCertificate } from "./remove-signing-certificate.server";
import { uploadSigningCertificate } from "./upload-signing-certificate.server";

/** The forms of the signing page (/admin/signing). */
export const signingIntentSchema = z.enum(["upload", "remove"]);
export type SigningIntent = z.infer<typeof signingIntentSchema>;

/** What the page shows after a submit: a message key, translated on the page. */
export type SigningActionData = { ok: boolean; message: MessageKey };
export type SigningActionResult = { status: number; body: SigningActionData };

const answer = (ok: boolean, message: MessageKey, status = ok ? 200 : 400) => ({
  status,
  body: { ok, message },
});

/**
 * Uploads or removes the organisation's own signing certificate. A file the use case refuses
 * (passphrase, format, validity) is answered on the page, not as an error page. The caller has
 * checked the second factor is fresh.
 */
export async function runSigningAction(
  actor: UserActor,
  form: CertificateForm,
): Promise<SigningActionResult> {
  if (!form.ok) {
    const tooLarge = form.status === 413;
    return answer(
      false,
      tooLarge ? "signing.errorTooLarge" : "signing.errorUnreadable",
      form.status,
    );
  }
  const parsedIntent = signingIntentSchema.safeParse(form.intent);
  const intent = parsedIntent.success ? parsedIntent.data : null;
  if (intent === "upload") {
    const file = form.file;
    if (!file) return answer(false, "signing.errorNoFile");
    const refusal = await runUseCase(() =>
      uploadSigningCertificate(actor, { file, passphrase: form.passphrase }).then(
        () => null,
        (error: unknown) => {
          if (error instanceof DomainError && error.code === "VALIDATION") return error.key;
          throw error;
        },
      ),
    );
    return refusal ? answer(false, refusal) : answer(true, "signing.uploaded");
  }
  if (intent === "remove") {
    const certificateId = form.certificateId;
    await runUseCase(() => removeSigningCertificate(actor, { certificateId }));
    return answer(true, "signing.removed");
  }
  return answer(false, "signing.errorUnknownAction");
}
