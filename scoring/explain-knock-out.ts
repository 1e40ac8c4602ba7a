// Explains a knock-out: which question, which answer values matched, and the answer's own reason
// (method 1.2.0: and the day a dated knock-out applies from). Pure.

import type { KnockOutExplanation } from "./types";

export function explainKnockOut(
  questionKey: string,
  sectionKey: string,
  label: string,
  matched: string[],
  answerReason: string,
  appliesFrom: string | null = null,
): KnockOutExplanation {
  const values = matched.map((token) => `'${token}'`).join(", ");
  if (appliesFrom === null) {
    return {
      questionKey,
      sectionKey,
      label,
      matched,
      answerReason,
      reason: `${questionKey}: answer matched ${values} → knock-out "${label}" (caps the tier at high)`,
    };
  }
  // Method 1.2.0, a dated knock-out (only explained once it applies).
  return {
    questionKey,
    sectionKey,
    label,
    matched,
    answerReason,
    reason: `${questionKey}: answer matched ${values} → knock-out "${label}" (applies from ${appliesFrom}; caps the tier at high)`,
    appliesFrom,
  };
}
