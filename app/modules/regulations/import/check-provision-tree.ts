import { FRAMEWORK_IMPORT_LIMITS } from "./framework-import-limits";
import { importMessage, type FrameworkImportMessage } from "./imported-framework";

/** A node as the file states it, before its place in the tree is trusted. */
export interface StatedNode {
  key: string;
  parentKey: string | null;
  /** The depth the file declares (null: none, computed from the parents). */
  declaredDepth: number | null;
  /** Where the node is in the file, e.g. `objects.framework.requirement_nodes[12]`. */
  path: string;
}

/** How the format names the fields, so messages point at the file's own words. */
export interface TreeFieldNames {
  key: string;
  parent: string;
  depth: string;
}

export type TreeCheck =
  { ok: true; depths: number[] } | { ok: false; errors: FrameworkImportMessage[] };

const UNKNOWN = -1;
const IN_PROGRESS = -2;

/**
 * The structural checks CISO Assistant itself does not make: keys are unique, every parent
 * exists, the parents form no cycle, a declared depth is the parent's depth + 1 (1 at the top),
 * and the tree is not deeper than the limit. Iterative (a chain of 20,000 parents is no deeper
 * on the stack than one), linear in the number of nodes. Returns the depth of each node.
 */
export function checkProvisionTree(nodes: StatedNode[], fields: TreeFieldNames): TreeCheck {
  const errors: FrameworkImportMessage[] = [];
  const indexOf = new Map<string, number>();
  nodes.forEach((node, index) => {
    const first = indexOf.get(node.key);
    if (first === undefined) indexOf.set(node.key, index);
    else
      errors.push(
        importMessage(`${node.path}.${fields.key}`, "frameworkImport.duplicateKey", {
          key: node.key,
          firstPath: nodes[first]!.path,
        }),
      );
  });

  const parentIndex = nodes.map((node) => {
    if (node.parentKey === null) return null;
    const index = indexOf.get(node.parentKey);
    if (index === undefined) {
      errors.push(
        importMessage(`${node.path}.${fields.parent}`, "frameworkImport.parentMissing", {
          parent: node.parentKey,
        }),
      );
      return null;
    }
    return index;
  });

  // Depths from the parents; a node whose chain of parents returns to itself is in a cycle.
  const depths = nodes.map(() => UNKNOWN);
  const inCycle = new Set<number>();
  for (let start = 0; start < nodes.length; start++) {
    if (depths[start] !== UNKNOWN) continue;
    const chain: number[] = [];
    let at: number | null = start;
    while (at !== null && depths[at] === UNKNOWN) {
      depths[at] = IN_PROGRESS;
      chain.push(at);
      at = parentIndex[at] ?? null;
    }
    if (at !== null && depths[at] === IN_PROGRESS) {
      // The chain ran into itself: from `at` onwards it is a cycle.
      const cycle = chain.slice(chain.indexOf(at));
      cycle.forEach((index) => inCycle.add(index));
      const first = cycle.reduce((a, b) => Math.min(a, b));
      const names = [...cycle, cycle[0]!].map((index) => nodes[index]!.key);
      errors.push(
        importMessage(`${nodes[first]!.path}.${fields.parent}`, "frameworkImport.parentCycle", {
          cycle: names.join(" → "),
        }),
      );
    }
    // Unwind: each node is one deeper than its parent (a cycle's nodes count as top level).
    let depth = at === null || depths[at] === IN_PROGRESS ? 0 : depths[at]!;
    for (let i = chain.length - 1; i >= 0; i--) {
      const index = chain[i]!;
      depth = inCycle.has(index) ? 1 : depth + 1;
      depths[index] = depth;
    }
  }

  let tooDeepReported = false;
  nodes.forEach((node, index) => {
    const depth = depths[index]!;
    if (!tooDeepReported && depth > FRAMEWORK_IMPORT_LIMITS.maxTreeDepth) {
      tooDeepReported = true;
      errors.push(
        importMessage(node.path, "frameworkImport.treeTooDeep", {
          max: FRAMEWORK_IMPORT_LIMITS.maxTreeDepth,
        }),
      );
    }
    if (node.declaredDepth === null || inCycle.has(index) || node.declaredDepth === depth) return;
    const parent = parentIndex[index];
    const path = `${node.path}.${fields.depth}`;
    if (node.parentKey === null) {
      errors.push(
        importMessage(path, "frameworkImport.depthTopLevel", { depth: node.declaredDepth }),
      );
    } else if (parent !== null && parent !== undefined) {
      errors.push(
        importMessage(path, "frameworkImport.depthMismatch", {
          depth: node.declaredDepth,
          parentDepth: depths[parent]!,
          expected: depths[parent]! + 1,
        }),
      );
    }
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, depths };
}
