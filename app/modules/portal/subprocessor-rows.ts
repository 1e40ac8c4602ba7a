import { SUBPROCESSOR_ROWS_MAX } from "../questionnaires/answer-value";

/**
 * The sub-processor table without JavaScript: "add a row" and "remove row i" are submit buttons
 * of the answers form (name="intent", value "addRow:<questionKey>" or
 * "removeRow:<questionKey>:<index>"). The post saves what was typed, like "Save", and the page
 * shows the table again as posted: minus the removed row, or plus a blank one. Nothing typed is
 * lost, even when a half-filled row cannot be saved yet.
 */
export type RowIntent =
  | { kind: "addRow"; questionKey: string }
  | { kind: "removeRow"; questionKey: string; index: number };

export interface PostedRow {
  name: string;
  purpose: string;
  country: string;
  mechanism: string;
}

const COLUMNS = ["name", "purpose", "country", "mechanism"] as const;
const KEY = /^[A-Za-z0-9_.-]{1,200}$/;
const DEFAULT_MECHANISM = "scc";

export function parseRowIntent(raw: FormDataEntryValue | null): RowIntent | null {
  if (typeof raw !== "string") return null;
  if (raw.startsWith("addRow:")) {
    const questionKey = raw.slice("addRow:".length);
    return KEY.test(questionKey) ? { kind: "addRow", questionKey } : null;
  }
  if (raw.startsWith("removeRow:")) {
    const rest = raw.slice("removeRow:".length);
    const cut = rest.lastIndexOf(":");
    const questionKey = rest.slice(0, cut);
    const index = Number(rest.slice(cut + 1));
    if (cut < 1 || !KEY.test(questionKey) || !Number.isInteger(index) || index < 0) return null;
    return { kind: "removeRow", questionKey, index };
  }
  return null;
}

const field = (questionKey: string, column: string) => `q.${questionKey}.${column}`;

/** A copy of the form without row `index` of the question's table (every column). */
export function withoutRow(form: FormData, intent: { questionKey: string; index: number }) {
  const copy = new FormData();
  const columns = new Set(COLUMNS.map((column) => field(intent.questionKey, column)));
  const seen = new Map<string, number>();
  for (const [name, value] of form.entries()) {
    if (columns.has(name)) {
      const position = seen.get(name) ?? 0;
      seen.set(name, position + 1);
      if (position === intent.index) continue;
    }
    copy.append(name, value);
  }
  return copy;
}

/** The table's rows as posted (after a removal: without it), plus a blank one for "add". */
export function postedRows(form: FormData, intent: RowIntent): PostedRow[] {
  const columns = COLUMNS.map((column) =>
    form.getAll(field(intent.questionKey, column)).map((v) => (typeof v === "string" ? v : "")),
  );
  const count = Math.min(Math.max(0, ...columns.map((c) => c.length)), SUBPROCESSOR_ROWS_MAX);
  const rows: PostedRow[] = Array.from({ length: count }, (_, i) => ({
    name: (columns[0]![i] ?? "").slice(0, 200),
    purpose: (columns[1]![i] ?? "").slice(0, 500),
    country: (columns[2]![i] ?? "").slice(0, 10),
    mechanism: (columns[3]![i] ?? DEFAULT_MECHANISM).slice(0, 40),
  }));
  if (intent.kind === "addRow" && rows.length < SUBPROCESSOR_ROWS_MAX)
    rows.push({ name: "", purpose: "", country: "", mechanism: DEFAULT_MECHANISM });
  return rows;
}
