import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import {
  CLARIFICATION_BODY_MAX_CHARS,
  type ClarificationActionData,
} from "~/modules/clarifications/clarification-input";
import type { MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/**
 * Clarification threads under one question (vendor portal) or answer (assessment page).
 *
 * Every form control points at its <form> through the HTML `form` attribute instead of sitting
 * inside it. The vendor's questions live inside the page's answers <form>, and forms cannot nest:
 * there, pass `formsOutside` and render <ClarificationForms> once after the answers form. Elsewhere
 * the component renders its forms itself. Without JavaScript the forms are plain POSTs (the route
 * redirects back to the question); once hydrated they submit through a keyed fetcher (the hidden
 * `via=fetcher` field tells the route to answer with JSON), so the page does not jump.
 */

/** A thread as the loader sends it (dates may arrive as strings). */
export interface ClarificationThreadData {
  id: string;
  questionKey: string;
  status: "OPEN" | "RESOLVED";
  createdAt: Date | string;
  resolvedAt: Date | string | null;
  messages: {
    id: string;
    authorKind: "user" | "vendor";
    authorLabel: string;
    body: string;
    createdAt: Date | string;
  }[];
}

export const clarificationFormId = {
  ask: (questionKey: string) => `clarify-ask-${questionKey}`,
  reply: (threadId: string) => `clarify-reply-${threadId}`,
  resolve: (threadId: string) => `clarify-resolve-${threadId}`,
};

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** One (empty) form that the controls elsewhere on the page submit through. */
function HostForm({ id, action }: { id: string; action: string }) {
  const fetcher = useFetcher<ClarificationActionData>({ key: id });
  const hydrated = useHydrated();
  return (
    <fetcher.Form id={id} method="post" action={action} className="hidden" aria-hidden="true">
      {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
    </fetcher.Form>
  );
}

/**
 * The forms for the given threads (reply, resolve) and questions (ask). Render it once outside
 * any other form when the threads are rendered with `formsOutside`.
 */
export function ClarificationForms({
  action,
  threadsByQuestion,
  askQuestionKeys = [],
}: {
  action: string;
  threadsByQuestion: Record<string, readonly ClarificationThreadData[]>;
  askQuestionKeys?: readonly string[];
}) {
  const threads = Object.values(threadsByQuestion).flat();
  return (
    <>
      {askQuestionKeys.map((key) => (
        <HostForm key={`ask-${key}`} id={clarificationFormId.ask(key)} action={action} />
      ))}
      {threads.flatMap((thread) => [
        <HostForm
          key={`reply-${thread.id}`}
          id={clarificationFormId.reply(thread.id)}
          action={action}
        />,
        <HostForm
          key={`resolve-${thread.id}`}
          id={clarificationFormId.resolve(thread.id)}
          action={action}
        />,
      ])}
    </>
  );
}

const ERROR_KEYS: Record<Extract<ClarificationActionData, { ok: false }>["error"], MessageKey> = {
  body: "clarifications.errorBody",
  notFound: "clarifications.errorNotFound",
  forbidden: "clarifications.errorForbidden",
  closed: "clarifications.errorClosed",
  invalid: "clarifications.errorGeneric",
};

/** State of one keyed form: pending, the error to show, and a reset of its fields after success. */
function useClarificationForm(formId: string) {
  const fetcher = useFetcher<ClarificationActionData>({ key: formId });
  const { t } = useT();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  useEffect(() => {
    if (result?.ok) (document.getElementById(formId) as HTMLFormElement | null)?.reset();
  }, [result, formId]);
  const error =
    result && !result.ok
      ? t(ERROR_KEYS[result.error], { max: CLARIFICATION_BODY_MAX_CHARS })
      : null;
  return { pending: fetcher.state !== "idle", error };
}

function FormError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="text-sm text-red-700" data-testid="clarification-error">
      {message}
    </p>
  ) : null;
}

function MessageForm({
  formId,
  intent,
  questionKey,
  threadId,
  label,
  submitLabel,
  testIdPrefix,
}: {
  formId: string;
  intent: "ask" | "reply";
  questionKey: string;
  threadId?: string;
  label: string;
  submitLabel: string;
  testIdPrefix: "clarification-ask" | "clarification-reply";
}) {
  const { t } = useT();
  const { pending, error } = useClarificationForm(formId);
  return (
    <div className="space-y-2">
      <input type="hidden" form={formId} name="intent" value={intent} />
      <input type="hidden" form={formId} name="questionKey" value={questionKey} />
      {threadId ? <input type="hidden" form={formId} name="threadId" value={threadId} /> : null}
      <TextAreaField
        label={label}
        form={formId}
        name="body"
        rows={2}
        required
        maxLength={CLARIFICATION_BODY_MAX_CHARS}
        data-testid={`${testIdPrefix}-body`}
      />
      <FormError message={error} />
      <Button
        type="submit"
        form={formId}
        variant="secondary"
        disabled={pending}
        data-testid={`${testIdPrefix}-submit`}
      >
        {pending ? t("clarifications.sending") : submitLabel}
      </Button>
    </div>
  );
}

function ResolveButton({ threadId, questionKey }: { threadId: string; questionKey: string }) {
  const { t } = useT();
  const formId = clarificationFormId.resolve(threadId);
  const { pending, error } = useClarificationForm(formId);
  return (
    <>
      <input type="hidden" form={formId} name="intent" value="resolve" />
      <input type="hidden" form={formId} name="questionKey" value={questionKey} />
      <input type="hidden" form={formId} name="threadId" value={threadId} />
      <Button
        type="submit"
        form={formId}
        variant="secondary"
        disabled={pending}
        data-testid="clarification-resolve"
      >
        {t("clarifications.resolve")}
      </Button>
      <FormError message={error} />
    </>
  );
}

function Thread({
  thread,
  mode,
  canReply,
  canResolve,
}: {
  thread: ClarificationThreadData;
  mode: "vendor" | "assessor";
  canReply: boolean;
  canResolve: boolean;
}) {
  const { t, date } = useT();
  const open = thread.status === "OPEN";
  const reply = (
    <MessageForm
      formId={clarificationFormId.reply(thread.id)}
      intent="reply"
      questionKey={thread.questionKey}
      threadId={thread.id}
      label={t("clarifications.replyLabel")}
      submitLabel={t("clarifications.replySubmit")}
      testIdPrefix="clarification-reply"
    />
  );
  return (
    <li
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
      data-testid="clarification-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-800">{t("clarifications.threadTitle")}</p>
        <span
          className={`rounded px-1.5 py-0.5 text-xs ${open ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}
          data-testid="clarification-status"
        >
          {t(open ? "clarifications.statusOPEN" : "clarifications.statusRESOLVED")}
        </span>
      </div>
      <ol className="space-y-2">
        {thread.messages.map((message) => (
          <li
            key={message.id}
            className="text-sm"
            data-testid="clarification-message"
            data-author-kind={message.authorKind}
          >
            <p className="text-xs text-slate-600" data-testid="clarification-message-author">
              {t("clarifications.messageMeta", {
                name: `${message.authorLabel} (${t(message.authorKind === "vendor" ? "clarifications.authorVendor" : "clarifications.authorOrganization")})`,
                time: date(message.createdAt, true),
              })}
            </p>
            <p
              className="whitespace-pre-line text-slate-900"
              data-testid="clarification-message-body"
            >
              {message.body}
            </p>
          </li>
        ))}
      </ol>
      {canReply ? (
        open ? (
          reply
        ) : (
          // A resolved thread keeps its reply form folded away: replying reopens it.
          <details>
            <summary className="cursor-pointer text-sm text-slate-700">
              {t("clarifications.replyReopens")}
            </summary>
            <div className="mt-2">{reply}</div>
          </details>
        )
      ) : null}
      {mode === "assessor" && canResolve && open ? (
        <div className="flex flex-wrap items-center gap-2">
          <ResolveButton threadId={thread.id} questionKey={thread.questionKey} />
        </div>
      ) : null}
    </li>
  );
}

export function ClarificationThreads({
  questionKey,
  threads,
  mode,
  action,
  canAsk,
  canResolve,
  canReply,
  formsOutside = false,
}: {
  questionKey: string;
  threads: readonly ClarificationThreadData[];
  mode: "vendor" | "assessor";
  /** The route the forms post to: /portal/clarifications or /assessments/<id>/clarifications. */
  action: string;
  canAsk: boolean;
  canResolve: boolean;
  /** Whether the reply forms show; default: always for vendors, for assessors when they may ask. */
  canReply?: boolean;
  /** True when rendered inside another <form>: render <ClarificationForms> outside it instead. */
  formsOutside?: boolean;
}) {
  const { t } = useT();
  const mayAsk = mode === "assessor" && canAsk;
  const mayReply = canReply ?? (mode === "vendor" || canAsk);
  if (threads.length === 0 && !mayAsk) return null;
  return (
    <div className="space-y-2" data-testid="clarification-threads" data-question-key={questionKey}>
      {threads.length > 0 ? (
        <>
          <p className="text-sm font-semibold text-slate-800">{t("clarifications.title")}</p>
          <ul className="space-y-2">
            {threads.map((thread) => (
              <Thread
                key={thread.id}
                thread={thread}
                mode={mode}
                canReply={mayReply}
                canResolve={canResolve}
              />
            ))}
          </ul>
        </>
      ) : null}
      {mayAsk ? (
        <details data-testid="clarification-ask">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {t("clarifications.askLegend")}
          </summary>
          <div className="mt-2">
            <MessageForm
              formId={clarificationFormId.ask(questionKey)}
              intent="ask"
              questionKey={questionKey}
              label={t("clarifications.askLabel")}
              submitLabel={t("clarifications.askSubmit")}
              testIdPrefix="clarification-ask"
            />
          </div>
        </details>
      ) : null}
      {formsOutside ? null : (
        <ClarificationForms
          action={action}
          threadsByQuestion={{ [questionKey]: threads }}
          askQuestionKeys={mayAsk ? [questionKey] : []}
        />
      )}
    </div>
  );
}
