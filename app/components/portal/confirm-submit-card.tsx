import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { useT } from "~/utils/use-t";
import { AnswersCopyLinks } from "./answers-copy-links";

/**
 * The confirmation before the final submit, shown instead of the questionnaire after "Submit"
 * found nothing missing: how many answers go to whom, a copy to keep, Confirm (posts
 * intent=confirm_submit) and Back (a plain link to the questionnaire). Works without JavaScript;
 * the heading takes focus: `autofocus` on the server's page, and an effect after a client-side
 * submit (React applies autoFocus only to form controls, so a heading's would be ignored).
 */
export function ConfirmSubmitCard({
  answered,
  organization,
}: {
  answered: number;
  organization: string;
}) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card>
      <div className="space-y-4" data-testid="confirm-submit">
        <h2
          id="confirm-submit"
          ref={heading}
          tabIndex={-1}
          // The page exists to ask this one question: focus starts here, with or without JavaScript.
          autoFocus
          className="text-xl font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          {t("portalFinish.confirmTitle")}
        </h2>
        <p data-testid="confirm-count">
          {t("portalFinish.confirmBody", { count: answered, organization })}
        </p>
        <AnswersCopyLinks />
        <div className="flex flex-wrap items-center gap-3">
          <Form method="post">
            <Button type="submit" name="intent" value="confirm_submit">
              {t("portalFinish.confirmSubmit")}
            </Button>
          </Form>
          <a href="/portal" className="text-sm underline">
            {t("portalFinish.confirmBack")}
          </a>
        </div>
      </div>
    </Card>
  );
}
