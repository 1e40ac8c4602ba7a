/**
 * Whether a JSON text nests arrays and objects deeper than `max` levels (text inside strings
 * does not count). Linear and without recursion: checked before JSON.parse on untrusted input
 * whose parsed value is later walked recursively (canonical JSON, String(), zod), which a
 * 100,000-level array turns into "Maximum call stack size exceeded".
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}
