import { useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/layout";
import {
  parseReviewFlash,
  REVIEW_ERROR_CODES,
  type ReviewIntent,
} from "~/modules/review/review-flash";
import { labelKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/**
 * The outcome of the last review form, read from the URL the review route redirected to.
 * Shown only by the card whose form it was (`intents`), and for one finding when `id` is given.
 */
export function ReviewFlashNotice({
  intents,
  id,
}: {
  intents: readonly ReviewIntent[];
  id?: string;
}) {
  const [params] = useSearchParams();
  const { t } = useT();
  const flash = parseReviewFlash(params);
  if (!flash || flash.intent === "unknown" || !intents.includes(flash.intent)) return null;
  if ((id ?? null) !== (flash.id ?? null) && flash.intent !== "createFinding") return null;
  if (flash.code === "ok")
    return (
      <Alert tone="success">
        <span data-testid="review-flash-ok">{t("review.flashOk")}</span>
      </Alert>
    );
  const known = (REVIEW_ERROR_CODES as readonly string[]).includes(flash.code);
  return (
    <Alert tone="error">
      <span data-testid="review-flash-error" data-code={flash.code}>
        {t((known && labelKey("review.", flash.code)) || "review.flashError")}
      </span>
    </Alert>
  );
}
