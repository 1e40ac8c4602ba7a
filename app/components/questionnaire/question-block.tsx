import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import type { LocalizedMessage, Locale } from "~/utils/i18n";
import { useT } from "~/utils/use-t";
import { formatAnswer } from "~/modules/questionnaires/format-answer";
import type { CountryGroups } from "~/modules/questionnaires/country-groups";
import { QuestionInput, type PortalQuestion } from "./question-input";

type AutosaveResponse =
  | { status: "saved"; questionKey: string; version: number; value: unknown }
  | { status: "unchanged"; questionKey: string }
  | {
      status: "conflict";
      questionKey: string;
      version: number;
      currentValue: unknown;
      yourValue: unknown;
    }
  // message: key + parameters, translated here; text: the same in the request's language (for non-page clients).
  | { status: "invalid"; questionKey: string; message: LocalizedMessage; text: string };

const AUTOSAVE_DELAY_MS = 700;

/**
 * One question with autosave: changes are posted (debounced) with the version they were based
 * on. A conflict shows both values and lets the contact choose; nothing is overwritten silently.
 * The hidden v./o. fields keep the plain (no-JavaScript) form submit correct as well; only an
 * editable question carries them.
 */
export function QuestionBlock({
  question,
  initial,
  editable,
  countryGroups,
  locale,
  serverNote,
  hidden = false,
  onTokens,
  onSaved,
  renderInput,
  children,
}: {
  question: PortalQuestion;
  initial: { value: unknown; version: number };
  editable: boolean;
  /** How the countries input groups countries (from the loader: the assessment's reference day). */
  countryGroups: CountryGroups;
  locale: Locale;
  serverNote?: string | null;
  /** Hidden by a show-if rule: kept in the page (and its answer kept) but not shown. */
  hidden?: boolean;
  /** The values currently picked (radios, checkboxes), for show-if rules of later questions. */
  onTokens?: (questionKey: string, tokens: string[]) => void;
  /** Called when the server stored a new value for this question. */
  onSaved?: (questionKey: string, value: unknown) => void;
  /** Renders a custom input (evidence); gets a callback for answers the server changed itself. */
  renderInput?: (props: {
    value: unknown;
    disabled: boolean;
    onServerSaved: (value: unknown, version: number) => void;
  }) => ReactNode;
  /** Extra content below the question (clarification threads). */
  children?: ReactNode;
}) {
  const { t, tm } = useT();
  const fetcher = useFetcher<AutosaveResponse>();
  const [version, setVersion] = useState(initial.version);
  const [shown, setShown] = useState(JSON.stringify(initial.value ?? null));
  const [value, setValue] = useState<unknown>(initial.value);
  const [remountKey, setRemountKey] = useState(0);
  const [conflict, setConflict] = useState<Extract<
    AutosaveResponse,
    { status: "conflict" }
  > | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dialogRef = useRef<HTMLDivElement>(null);
  /** The field that had focus when the conflict opened; focus goes back there after the choice. */
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const restoreFocus = useRef(false);
  // What the next save is based on, read when it is sent (a timer set before the last answer
  // arrived must not send the version that answer replaced: that was a conflict with oneself).
  const base = useRef({ version: initial.version, shown: JSON.stringify(initial.value ?? null) });
  // One save in flight at a time: a change made meanwhile is sent when the answer is in, based
  // on the version it returned.
  const inFlight = useRef(false);
  const queued = useRef(false);

  /** The server's version and value of the answer: the base of the next save. */
  function adoptBase(nextVersion: number, nextShown: string) {
    base.current = { version: nextVersion, shown: nextShown };
    setVersion(nextVersion);
    setShown(nextShown);
  }

  function save(baseVersion = base.current.version, shownValue = base.current.shown) {
    const fieldset = fieldsetRef.current;
    if (!fieldset) return;
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    const body = new FormData();
    body.set("questionKey", question.key);
    body.set(`v.${question.key}`, String(baseVersion));
    body.set(`o.${question.key}`, shownValue);
    // The question's own field and its sub-fields (table columns, evidence parts), in DOM order.
    for (const element of Array.from(fieldset.elements)) {
      const input = element as HTMLInputElement;
      if (input.name !== `q.${question.key}` && !input.name.startsWith(`q.${question.key}.`))
        continue;
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) continue;
      if (input.type === "file") continue;
      body.append(input.name, input.value);
    }
    inFlight.current = true;
    fetcher.submit(body, { method: "post", action: "/portal/answer" });
  }

  useEffect(() => {
    const result = fetcher.data;
    if (!result || fetcher.state !== "idle") return;
    inFlight.current = false;
    if (result.status === "saved") {
      adoptBase(result.version, JSON.stringify(result.value ?? null));
      setValue(result.value);
      setError(null);
      onSaved?.(question.key, result.value);
    } else if (result.status === "conflict") {
      setConflict(result);
    } else if (result.status === "invalid") {
      setError(tm(result.message));
    }
    // A change made while this save was on its way; after a conflict the contact decides first.
    if (queued.current) {
      queued.current = false;
      if (result.status !== "conflict") save();
    }
    // onSaved is a stable callback of the page; question.key never changes for this block.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data, fetcher.state]);

  // Keyboard and screen-reader users must notice the conflict: focus moves into the dialog when it
  // opens, and back to the answer's field once a choice is made (never to <body>).
  useEffect(() => {
    if (conflict) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && fieldsetRef.current?.contains(active))
        returnFocusTo.current = active;
      dialogRef.current?.focus();
    } else if (restoreFocus.current) {
      restoreFocus.current = false;
      const previous = returnFocusTo.current;
      // "Keep the saved answer" re-mounts the inputs: then the question's first field takes focus.
      const target = previous?.isConnected
        ? previous
        : fieldsetRef.current?.querySelector<HTMLElement>(
            `[name^="q.${CSS.escape(question.key)}"]:not([type="hidden"]):not([disabled])`,
          );
      target?.focus();
      returnFocusTo.current = null;
    }
  }, [conflict, question.key]);

  /** An upload or removal of evidence changed the answer on the server: adopt its value and version. */
  function adoptServerValue(next: unknown, nextVersion: number) {
    adoptBase(nextVersion, JSON.stringify(next ?? null));
    setValue(next);
    onSaved?.(question.key, next);
  }

  function currentTokens(): string[] {
    const fieldset = fieldsetRef.current;
    if (!fieldset) return [];
    return Array.from(fieldset.elements)
      .map((element) => element as HTMLInputElement)
      .filter(
        (input) =>
          input.name === `q.${question.key}` &&
          (input.type === "radio" || input.type === "checkbox") &&
          input.checked,
      )
      .map((input) => input.value);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  /** A sub-processor row being filled in (some fields set, name or country still empty) is not saved yet. */
  function hasIncompleteRow(): boolean {
    const fieldset = fieldsetRef.current;
    if (!fieldset || question.type !== "subprocessors") return false;
    const column = (name: string) =>
      Array.from(fieldset.elements)
        .map((element) => element as HTMLInputElement)
        .filter((input) => input.name === `q.${question.key}.${name}`)
        .map((input) => input.value.trim());
    const names = column("name");
    const purposes = column("purpose");
    const countries = column("country");
    return names.some((name, i) => {
      const started = name !== "" || purposes[i] !== "" || countries[i] !== "";
      return started && (name === "" || countries[i] === "");
    });
  }

  function onChange(event: ChangeEvent<HTMLFieldSetElement>) {
    const target = event.target as unknown as HTMLInputElement;
    // Only the answer's own fields: typing a clarification reply in this block saves nothing.
    if (target.name !== `q.${question.key}` && !target.name?.startsWith(`q.${question.key}.`))
      return;
    // Choosing a file starts an upload, which stores the answer itself (onServerSaved).
    if (target.type === "file") return;
    onTokens?.(question.key, currentTokens());
    scheduleSave();
  }

  /** Saves the question's fields after a pause (a row still being filled in waits). */
  function scheduleSave() {
    clearTimeout(timer.current);
    if (hasIncompleteRow()) return;
    timer.current = setTimeout(() => save(), AUTOSAVE_DELAY_MS);
  }

  function keepTheirs() {
    if (!conflict) return;
    adoptBase(conflict.version, JSON.stringify(conflict.currentValue ?? null));
    setValue(conflict.currentValue);
    setRemountKey((k) => k + 1);
    restoreFocus.current = true;
    setConflict(null);
  }

  function keepMine() {
    if (!conflict) return;
    const nextShown = JSON.stringify(conflict.currentValue ?? null);
    adoptBase(conflict.version, nextShown);
    restoreFocus.current = true;
    setConflict(null);
    save(conflict.version, nextShown);
  }

  const saving = fetcher.state !== "idle";
  const status = saving
    ? t("portal.saving")
    : fetcher.data?.status === "saved"
      ? t("portal.saved")
      : null;
  return (
    <fieldset
      ref={fieldsetRef}
      id={`q-${question.key}`}
      onChange={editable ? onChange : undefined}
      // min-w-0: a fieldset is as wide as its content by default (the sub-processor table would widen the page).
      className="min-w-0 space-y-2 border-t border-slate-100 pt-4"
      data-testid="question"
      data-question-key={question.key}
      hidden={hidden}
    >
      <legend className="sr-only">{question.label[locale]}</legend>
      <p id={`q-${question.key}-label`} className="font-medium text-slate-900">
        {question.label[locale]}
        {question.required ? (
          <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">
            {t("portal.required")}
          </span>
        ) : null}
      </p>
      {question.help ? <p className="text-sm text-slate-600">{question.help[locale]}</p> : null}
      {/* A read-only question (submitted, not reopened, not delegated) sends nothing with the
          form: its inputs are disabled, and version and shown value without a value would read
          as "cleared". */}
      {editable ? (
        <>
          <input type="hidden" name={`v.${question.key}`} value={version} />
          <input type="hidden" name={`o.${question.key}`} value={shown} />
        </>
      ) : null}
      <div key={remountKey}>
        {renderInput ? (
          renderInput({ value, disabled: !editable, onServerSaved: adoptServerValue })
        ) : (
          <QuestionInput
            question={question}
            value={value}
            disabled={!editable}
            locale={locale}
            countryGroups={countryGroups}
            onRowsChanged={editable ? scheduleSave : undefined}
          />
        )}
      </div>
      {question.references.length > 0 ? (
        <p className="text-xs text-slate-500" data-testid="question-references">
          {t("portal.regulationRefs")}: {question.references.map((ref) => ref[locale]).join(" · ")}
        </p>
      ) : null}
      <p aria-live="polite" className="min-h-4 text-xs text-slate-500" data-testid="save-status">
        {status}
      </p>
      {error || serverNote ? (
        <p className="text-sm text-red-700">
          {t("portal.saveFailed", { message: error ?? serverNote ?? "" })}
        </p>
      ) : null}
      {conflict ? (
        <div
          ref={dialogRef}
          role="alertdialog"
          tabIndex={-1}
          aria-labelledby={`conflict-${question.key}`}
          aria-describedby={`conflict-${question.key}-body`}
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
          data-testid="conflict-dialog"
        >
          <p id={`conflict-${question.key}`} className="font-semibold">
            {t("portal.conflictTitle")}
          </p>
          <p id={`conflict-${question.key}-body`} className="mt-1">
            {t("portal.conflictBody")}
          </p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-slate-600">{t("portal.theirValue")}</dt>
            <dd data-testid="conflict-theirs">
              {formatAnswer(question, conflict.currentValue, locale, t)}
            </dd>
            <dt className="text-slate-600">{t("portal.yourValue")}</dt>
            <dd data-testid="conflict-mine">
              {formatAnswer(question, conflict.yourValue, locale, t)}
            </dd>
          </dl>
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              onClick={keepTheirs}
              className="rounded border border-slate-300 bg-white px-3 py-1"
            >
              {t("portal.keepTheirs")}
            </button>
            <button
              type="button"
              onClick={keepMine}
              className="rounded bg-brand-600 px-3 py-1 text-white"
            >
              {t("portal.keepMine")}
            </button>
          </div>
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}
