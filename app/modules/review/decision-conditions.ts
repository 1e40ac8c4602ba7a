/**
 * Pairs the repeated `conditionText` / `conditionDue` fields of the decision form in order.
 * Rows left completely empty are skipped; a half-filled row is kept so validation refuses it
 * (a condition without a due date, or a due date without a condition, is a mistake to report).
 */
export function conditionsFromForm(form: FormData): { text: string; dueDate: string }[] {
  const strings = (name: string) =>
    form.getAll(name).map((v) => (typeof v === "string" ? v.trim() : ""));
  const texts = strings("conditionText");
  const dues = strings("conditionDue");
  const rows: { text: string; dueDate: string }[] = [];
  for (let i = 0; i < Math.max(texts.length, dues.length); i++) {
    const text = texts[i] ?? "";
    const dueDate = dues[i] ?? "";
    if (text || dueDate) rows.push({ text, dueDate });
  }
  return rows;
}
