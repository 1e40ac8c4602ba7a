// A bounded memo of answer evaluations. Scoring one answer is a pure function of the question,
// the answer and the (prepared) context, and most answers repeat across assessments ("yes", an
// option value, the same country list), so a prepared template remembers what it has computed.
// Keys are exact: a string, a number, or a short list of strings (looked up item by item in a
// trie, so no key string is built); any other answer is evaluated without the memo. Pure in
// effect: a hit returns exactly what `evaluate` returned for an equal answer.

/** Distinct answers remembered per question; further new answers are evaluated each time. */
const MAX_ENTRIES = 2048;
const MAX_LIST_LENGTH = 32;
/**
 * Longer strings (free text, malformed answers) are evaluated but not remembered: the app keeps
 * prepared templates between requests, and their memos must not keep every long answer alive.
 */
const MAX_KEY_LENGTH = 64;

/**
 * String → value. The first four keys live in fields compared with === (short strings from
 * JSON.parse and literals are usually the same internalized object, so that is a pointer check,
 * much cheaper than hashing); the rest in a Map.
 */
class StringTable<V> {
  private k0: string | null = null;
  private k1: string | null = null;
  private k2: string | null = null;
  private k3: string | null = null;
  private v0: V | undefined = undefined;
  private v1: V | undefined = undefined;
  private v2: V | undefined = undefined;
  private v3: V | undefined = undefined;
  private rest: Map<string, V> | null = null;

  get(key: string): V | undefined {
    if (key === this.k0) return this.v0;
    if (key === this.k1) return this.v1;
    if (key === this.k2) return this.v2;
    if (key === this.k3) return this.v3;
    return this.rest === null ? undefined : this.rest.get(key);
  }

  set(key: string, value: V): void {
    if (this.k0 === null) {
      this.k0 = key;
      this.v0 = value;
    } else if (this.k1 === null) {
      this.k1 = key;
      this.v1 = value;
    } else if (this.k2 === null) {
      this.k2 = key;
      this.v2 = value;
    } else if (this.k3 === null) {
      this.k3 = key;
      this.v3 = value;
    } else {
      (this.rest ??= new Map()).set(key, value);
    }
  }
}

/** One node of the trie of string lists: the evaluation of the list ending here, and longer lists. */
class ListNode<V> {
  value: V | null = null;
  readonly next = new StringTable<ListNode<V>>();
}

export class EvaluationCache<V> {
  /**
   * @param fewStrings whether the question's string answers come from a short list (yes/no,
   *                   option values): then the first ones are compared before hashing; answers
   *                   like dates or free text go straight to the hash map.
   */
  constructor(fewStrings: boolean) {
    this.strings = fewStrings ? new StringTable<V>() : new Map<string, V>();
  }

  private readonly strings: StringTable<V> | Map<string, V>;
  private readonly numbers = new Map<number, V>();
  private readonly lists = new ListNode<V>();
  private missing: V | null = null;
  private size = 0;

  /** The evaluation of `raw`, computed by `evaluate` on the first request. */
  get(raw: unknown, evaluate: (raw: unknown) => V): V {
    if (typeof raw === "string") {
      const known = this.strings.get(raw);
      if (known !== undefined) return known;
      const evaluation = evaluate(raw);
      if (this.size < MAX_ENTRIES && raw.length <= MAX_KEY_LENGTH) {
        this.strings.set(raw, evaluation);
        this.size += 1;
      }
      return evaluation;
    }
    if (raw === undefined) {
      this.missing ??= evaluate(raw);
      return this.missing;
    }
    if (typeof raw === "number") {
      const known = this.numbers.get(raw);
      if (known !== undefined) return known;
      const evaluation = evaluate(raw);
      if (this.size < MAX_ENTRIES) {
        this.numbers.set(raw, evaluation);
        this.size += 1;
      }
      return evaluation;
    }
    if (Array.isArray(raw)) return this.getList(raw, evaluate);
    return evaluate(raw);
  }

  private getList(raw: readonly unknown[], evaluate: (raw: unknown) => V): V {
    if (raw.length > MAX_LIST_LENGTH) return evaluate(raw);
    let node = this.lists;
    for (let i = 0; i < raw.length; i++) {
      const item = raw[i];
      if (typeof item !== "string") return evaluate(raw);
      let child = node.next.get(item);
      if (child === undefined) {
        if (this.size >= MAX_ENTRIES || item.length > MAX_KEY_LENGTH) return evaluate(raw);
        child = new ListNode<V>();
        node.next.set(item, child);
        this.size += 1;
      }
      node = child;
    }
    node.value ??= evaluate(raw);
    return node.value;
  }
}
