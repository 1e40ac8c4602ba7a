import type { TextLimits } from "../../templates/template-text-limits";

/**
 * Bounds of a framework import, each checked before the work it protects (issue 14, item 3).
 * A real CISO Assistant library is up to about 1 MB and 1,200 nodes (the AI Act library: 848 kB,
 * 1,200 nodes, tree depth 6); an OSCAL catalog is larger as text (JSON, and every control carries
 * its assessment objectives), but JSON.parse is native and fast, while the YAML parser costs about
 * 1 s per 850 kB. Hence two size limits, checked before any parser runs.
 */
export const FRAMEWORK_IMPORT_LIMITS = {
  /** A CISO Assistant library (YAML). */
  maxYamlBytes: 5 * 1024 * 1024,
  /** An OSCAL catalog (JSON): the NIST SP 800-53 rev5 catalog (minified) fits. */
  maxJsonBytes: 12 * 1024 * 1024,
  /** Provisions (requirement nodes, groups and controls) of one framework. */
  maxProvisions: 20_000,
  /** Levels of the provision tree (real libraries: up to 6; SP 800-53: 3). */
  maxTreeDepth: 16,
  /** Characters of a name or a ref_id / label. */
  maxNameLength: 10_000,
  /** Characters of a description (a provision's text). */
  maxDescriptionLength: 200_000,
  /** Problems listed before the rest are summed up in one line. */
  maxProblems: 50,
} as const;

/** The largest file any format accepts: checked on the bytes before they are decoded. */
export const FRAMEWORK_FILE_MAX_BYTES = Math.max(
  FRAMEWORK_IMPORT_LIMITS.maxYamlBytes,
  FRAMEWORK_IMPORT_LIMITS.maxJsonBytes,
);

/**
 * The linear pre-parse scan's bounds (template-text-limits.ts). A library is a flat list of nodes
 * (about 8 levels of YAML); OSCAL JSON nests two levels (array and object) per group, control and
 * part. Entries: a 1,200-node library has about 15,000; 400,000 covers any file under the size
 * limits while keeping the parsed value's size bounded.
 */
export const YAML_TEXT_LIMITS: TextLimits = {
  maxDepth: 32,
  maxEntries: 400_000,
  maxAliases: 100,
  maxKeyLength: 1024,
};
export const JSON_TEXT_LIMITS: TextLimits = { ...YAML_TEXT_LIMITS, maxDepth: 96 };

/** The upload page's form: the file (or, at commit, its previewed text) plus the form's framing. */
export const FRAMEWORK_FORM_MAX_BYTES = FRAMEWORK_FILE_MAX_BYTES + 256 * 1024;
