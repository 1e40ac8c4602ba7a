import { Alert, Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import { CommentList, type CommentData } from "./comments";

/**
 * Vendor portal: the open change request (message and links to the reopened questions this
 * contact can see). Rendered outside the answers form: it holds links only.
 */
export function ChangeRequestBanner({
  organization,
  request,
  labelOf,
}: {
  organization: string;
  request: { message: string; questionKeys: string[] };
  labelOf: (key: string) => string;
}) {
  const { t } = useT();
  return (
    <Alert tone="warning">
      <div data-testid="change-request-banner">
        <p className="font-semibold">{t("review.bannerTitle", { organization })}</p>
        <p className="mt-1 whitespace-pre-line">{request.message}</p>
        {request.questionKeys.length > 0 ? (
          <>
            <p className="mt-2">{t("review.bannerReopened")}</p>
            <ul className="mt-1 list-disc pl-5" data-testid="reopened-questions">
              {request.questionKeys.map((key) => (
                <li key={key}>
                  <a href={`#q-${key}`} className="underline">
                    {labelOf(key)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">{t("review.bannerNoneForYou")}</p>
        )}
      </div>
    </Alert>
  );
}

/** Vendor-visible comments on the assessment as a whole, at the top of the portal. */
export function VendorCommentsCard({
  organization,
  comments,
}: {
  organization: string;
  comments: readonly CommentData[];
}) {
  const { t } = useT();
  if (comments.length === 0) return null;
  return (
    <Card title={t("review.vendorCommentsTitle", { organization })}>
      <div data-testid="vendor-comments">
        <CommentList comments={comments} showVisibility={false} />
      </div>
    </Card>
  );
}

/** Vendor-visible comments under one question (inside the answers form: no form controls here). */
export function VendorQuestionComments({
  comments,
  reopened,
}: {
  comments: readonly CommentData[];
  reopened: boolean | null;
}) {
  const { t } = useT();
  return (
    <div className="mt-2 space-y-2">
      {reopened === false ? (
        <p className="text-xs text-slate-500" data-testid="not-reopened">
          {t("review.notReopened")}
        </p>
      ) : null}
      {comments.length > 0 ? (
        <div data-testid="question-comments">
          <CommentList comments={comments} showVisibility={false} />
        </div>
      ) : null}
    </div>
  );
}
