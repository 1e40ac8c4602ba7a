// Explains a knock-out: which question, which answer values matched, and the answer's own reason. Pure.

import type { KnockOutExplanation } from "./types";

export function explainKnockOut(
  questionKey: string,
  sectionKey: string,
  label: string,
  matched: string[],
  answerReason: string,
): KnockOutExplanation {
  const values = matched.map((token) => `'${token}'`).join(", ");
  return {
    questionKey,
    sectionKey,
    label,
    matched,
    answerReason,
    reason: `${questionKey}: answer matched ${values} → knock-out "${label}" (caps the tier at high)`,
  };
}
