import { useCallback, useMemo, useState } from "react";
import { hiddenQuestionKeys } from "~/modules/questionnaires/conditions";
import type { Locale } from "~/utils/i18n";
import type { PortalView } from "./portal-view";

/** A stored answer counts as given unless it is empty. */
function isGiven(value: unknown): boolean {
  return (
    value !== null &&
    value !== undefined &&
    value !== "" &&
    !(Array.isArray(value) && value.length === 0)
  );
}

/**
 * The questionnaire's live state in the browser: the values picked right now (for show-if rules)
 * and the values the server stored (for progress), which questions are hidden, and the progress
 * per section. Without JavaScript the server's first render stands.
 */
export function usePortalAnswers(
  view: Pick<PortalView, "sections" | "answers" | "hidden">,
  locale: Locale,
) {
  const { sections, answers, hidden: serverHidden } = view;
  const allQuestions = useMemo(() => sections.flatMap((s) => s.questions), [sections]);
  const [tokens, setTokens] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value])),
  );
  const [stored, setStored] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.value])),
  );
  const onTokens = useCallback(
    (key: string, picked: string[]) => setTokens((current) => ({ ...current, [key]: picked })),
    [],
  );
  const onSaved = useCallback((key: string, value: unknown) => {
    setStored((current) => ({ ...current, [key]: value }));
    setTokens((current) => ({ ...current, [key]: value }));
  }, []);
  const hidden = useMemo(() => {
    // Rules that test questions this contact cannot see (delegation) keep the server's verdict.
    const known = new Set(allQuestions.map((q) => q.key));
    const refersOutside = (q: (typeof allQuestions)[number]) => {
      const rule = q.showIf;
      if (!rule) return false;
      const leaves = "all" in rule ? rule.all : "any" in rule ? rule.any : [rule];
      return leaves.some((leaf) => !known.has(leaf.question));
    };
    const local = hiddenQuestionKeys(
      sections.map((s) => ({
        questions: s.questions.map((q) => (refersOutside(q) ? { key: q.key } : q)),
      })),
      tokens,
    );
    for (const q of allQuestions)
      if (refersOutside(q) && serverHidden.includes(q.key)) local.add(q.key);
    return local;
  }, [sections, allQuestions, tokens, serverHidden]);
  const progress = sections.map((section) => {
    const visible = section.questions.filter((q) => !hidden.has(q.key));
    return {
      key: section.key,
      title: section.title[locale],
      total: visible.length,
      answered: visible.filter((q) => isGiven(stored[q.key])).length,
    };
  });
  const totals = progress.reduce(
    (sum, p) => ({ answered: sum.answered + p.answered, total: sum.total + p.total }),
    { answered: 0, total: 0 },
  );
  return { allQuestions, hidden, progress, totals, onTokens, onSaved };
}
