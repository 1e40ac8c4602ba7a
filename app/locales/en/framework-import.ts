/**
 * Problems and notices of a framework file (CISO Assistant library YAML, OSCAL catalog JSON),
 * each shown after the path inside the file
 * (`objects.framework.requirement_nodes[12].parent_urn: no node has this URN (…)`). The English
 * texts are what the command line prints, so they keep the file's own words (field names).
 */
export const frameworkImport = {
  fileEmpty: "the file is empty",
  fileTooLarge: "the file has {size} bytes; at most {max} bytes can be imported",
  notUtf8: "the file is not UTF-8 text",
  formatUnknown:
    "the format is not recognised: expected a CISO Assistant library (YAML) or an OSCAL catalog (JSON)",
  oscalXmlUnsupported: "OSCAL XML is not supported: export the catalog as JSON",
  limitDepth: "the file nests deeper than {max} levels (at line {line})",
  limitEntries: "the file has more than {max} entries (at line {line})",
  limitAliases: "the file uses more than {max} aliases (*name), at line {line}",
  limitKeyLength: "a key at line {line} is longer than {max} characters",
  limitTime: "the file could not be checked in time",
  limitResources: "the file could not be checked: it needs more memory than allowed",
  yamlInvalid: "invalid YAML at line {line}, column {column} ({code})",
  yamlAliasExpansion:
    "the YAML aliases (*name) cannot be resolved or expand to more data than allowed",
  missing: "is missing",
  wrongType: "must be of type {expected}",
  invalid: "is not valid",
  tooLong: "must be at most {max} characters",
  tooSmall: "must be at least {min}",
  tooManyProvisions: "has {count} entries; at most {max} can be imported",
  noFramework: "the library holds no framework (objects.framework or objects.frameworks)",
  severalFrameworks: "the library holds {count} frameworks; a file can hold one",
  noProvisions: "the framework has no requirement nodes",
  duplicateKey: "{key} is used already at {firstPath}",
  parentMissing: "no node has this URN ({parent})",
  parentCycle: "the parents form a cycle: {cycle}",
  depthMismatch: "is {depth}, but the parent has depth {parentDepth} (expected {expected})",
  depthTopLevel: "is {depth}, but a node without parent_urn has depth 1",
  treeTooDeep: "the tree is deeper than {max} levels",
  tooManyProblems: "{count} more problems are not listed",
  noticeObjectsIgnored: "{count} entries of objects.{kind} are not imported (only the framework)",
  noticeQuestionsIgnored: "{count} node(s) carry questions, which are not imported",
  noticeUnknownFields: "unknown field(s) ignored: {keys}",
  noticeOwnLanguageAsEnglish:
    'the file is written in "{locale}": its own texts are shown where English texts are shown',
  noticeOtherLanguages: "translations into {languages} are not imported (only de and en)",
  noticeNoDocumentId:
    "the catalog has no document-ids: its uuid identifies it, so a later version with a new uuid is not matched to this one",
  noticeLocaleAssumed: "an OSCAL catalog names no language: English is assumed",
  alreadyImported:
    "version {version} of {urn} is imported already with the same content: nothing was written",
  changeSummary:
    "{name}: version {from} → {to}: {added} added, {changed} changed, {removed} removed (retired)",
  pageTitle: "Import a framework",
  pageIntro:
    "A CISO Assistant library (YAML) or an OSCAL catalog (JSON). You see what would be imported before anything is saved.",
  pageFile: "Framework file",
  pagePreviewSubmit: "Check and preview",
  pageCommitSubmit: "Import now",
  pageNothing: "Choose a file to import.",
  pageBroken: "The file cannot be imported. Nothing was saved.",
  pagePreviewTitle: "Preview: nothing is saved yet",
  pageImportedTitle: "Imported",
  pageUnchanged: "This version is imported already with the same content: nothing was saved.",
  pageOutcomeNew: "New framework in your organisation",
  pageOutcomeNewVersion: "New version; compared with version {previous}",
  pageField: "Field",
  pageValue: "Value",
  pageFramework: "Framework",
  pageVersion: "Version",
  pageProvisions: "Provisions",
  pageAssessable: "Assessable",
  pageAdded: "Added",
  pageChanged: "Changed",
  pageRemoved: "Removed (retired, not deleted)",
};
