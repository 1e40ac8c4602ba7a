/**
 * Problems of a template definition or template file (import, editor, CLI), each shown after the
 * path inside the file (`sections[2].questions[5].options: …`). The English texts are also what
 * the command line prints, so they keep the file's own words (field names, type names).
 */
export const templateErrors = {
  empty: "must not be empty",
  tooLong: "must be at most {max} characters",
  tooFewItems: "needs at least {min} entries",
  tooManyItems: "may have at most {max} entries",
  numberTooSmall: "must be at least {min}",
  numberTooLarge: "must be at most {max}",
  missing: "is missing",
  wrongType: "must be of type {expected}",
  invalidValue: "must be one of {options}",
  invalidCondition: "is not a valid condition: use 'question' with 'in', 'all' or 'any'",
  unknownFields: "unknown field(s): {keys}",
  invalid: "is not valid",
  weightNotANumber: "weight must be a number",
  weightNegative: "weight must be ≥ 0",
  pointsNotANumber: "points must be a number",
  pointsRange: "points must be between 0 and 1",
  optionValuePattern: "option value may only contain a–z, 0–9, '_', '.', '-'",
  optionValueReserved:
    "'{unknown}' and '{notApplicable}' are reserved answer values and always available",
  stepsMissing: "step thresholds need at least one step",
  stepsOrder: "steps must be ordered by strictly increasing min",
  maxNotAboveMin: "max must be greater than min",
  conditionQuestionKey: "must name a question key",
  conditionNoValues: "a condition needs at least one answer value",
  conditionAllEmpty: "'all' needs at least one condition",
  conditionAnyEmpty: "'any' needs at least one condition",
  documentTypeInvalid: "document type must be one of {types}",
  documentTypesMissing: "name at least one document type",
  questionKeyPattern: "question key may only contain a–z, 0–9, '_', '.', '-'",
  questionTypeInvalid: "type must be one of {types}",
  knockOutNoValues: "a knock-out needs at least one answer value",
  tagPattern: "tags may only contain a–z, 0–9, '_', '-'",
  residencyFlowType: "a residency flow must be a countries or subprocessors question",
  evidenceMissing: "an evidence question needs `evidence` (document types)",
  evidenceNotApplicable: "`evidence` applies only to evidence questions",
  indicatorNotAllowed: "a {type} question cannot be a transparency indicator",
  safeguardQuestion:
    "the safeguard question is a single_choice whose options all carry `safeguard`",
  dpfQuestion: "the DPF question must be yes_no",
  tooFewOptions: "{type} questions need at least {count} options",
  needsAnOption: "{type} questions need at least 1 option",
  noOptionsAllowed: "{type} questions take no options",
  duplicateOption: "duplicate option value '{value}'",
  exclusiveOnlyMulti: "only multi_choice options can be exclusive",
  thresholdsOnlyNumberDate: "thresholds apply only to number and date questions",
  numberOnlyField: "{field} applies only to number questions",
  minAboveMax: "min must not be greater than max",
  knockOutType: "knock-outs are supported only for {types} questions",
  knockOutValue: "'{value}' is not a valid answer value for a {type} question",
  knockOutFrom:
    "a knock-out's 'from' must be a day (YYYY-MM-DD) or the key of a catalogue provision, e.g. eu:2024/1689:art:6:par:2; got '{value}'",
  knockOutFromUnknown: "'{value}' is not a provision of the regulation catalogue",
  knockOutFromNoDay: "the regulation catalogue gives no day from which '{value}' applies",
  knockOutFromAmbiguous:
    "'{value}' applies from several days: name the window, e.g. '{value}|<condition>'",
  duplicateTag: "duplicate tag '{value}'",
  referenceKeyPattern:
    "a reference must be the key of a provision of the regulation catalogue, e.g. eu:2016/679:art:28:par:1",
  referenceUnknown: "'{key}' is not a provision of the regulation catalogue your organisation sees",
  duplicateRegulation: "duplicate regulation reference '{value}'",
  placeholderMalformed:
    "malformed date placeholder: write {{applies:<provision key>}} or {{applies:<provision key>|<condition>}}",
  placeholderUnknownProvision:
    "the date placeholder names '{key}', which is not a provision of the regulation catalogue",
  placeholderNoWindow:
    "the regulation catalogue has no application date for '{key}' with the condition '{condition}' (known conditions: {conditions})",
  placeholderAmbiguous:
    "'{key}' applies from several days depending on whom it covers: add one of these conditions after a |: {conditions}",
  sectionKeyPattern: "section key may only contain a–z, 0–9, '_', '.', '-'",
  sectionNoQuestions: "a section needs at least one question",
  templateKeyPattern: "template key must be kebab-case (a–z, 0–9, '-')",
  templateNoSections: "a template needs at least one section",
  duplicateSection: "duplicate section key '{value}'",
  duplicateQuestion:
    "duplicate question key '{value}' (question keys must be unique across the template)",
  conditionNotEarlier: "'{question}' is not an earlier question of this template",
  conditionSourceType: "conditions can only test {types} questions",
  conditionValue: "'{value}' is not a valid answer value of '{question}'",
  keyMustStay: "must stay '{key}' (the template's key)",
  fileEmpty: "the file is empty",
  fileTooLarge: "the file is larger than {size} MB",
  jsonUnexpectedEnd: "invalid JSON at line {line}, column {column}: unexpected end of input",
  jsonUnexpectedCharacter:
    "invalid JSON at line {line}, column {column}: unexpected character {character}",
  jsonExpectedName:
    "invalid JSON at line {line}, column {column}: expected a property name in double quotes, unexpected character {character}",
  jsonExpectedColon:
    "invalid JSON at line {line}, column {column}: expected ':', unexpected character {character}",
  jsonExpectedCommaOrBrace:
    "invalid JSON at line {line}, column {column}: expected ',' or '}', unexpected character {character}",
  jsonExpectedCommaOrBracket:
    "invalid JSON at line {line}, column {column}: expected ',' or ']', unexpected character {character}",
  jsonBadUnicodeEscape:
    "invalid JSON at line {line}, column {column}: invalid \\u escape in string",
  jsonBadEscape: "invalid JSON at line {line}, column {column}: invalid escape in string",
  jsonControlCharacter:
    "invalid JSON at line {line}, column {column}: control character in string (newlines must be written as \\n)",
  jsonUnterminatedString: "invalid JSON at line {line}, column {column}: unterminated string",
  jsonTrailingContent:
    "invalid JSON at line {line}, column {column}: unexpected content after the end of the JSON value: {character}",
  yamlDuplicateKey:
    "invalid YAML at line {line}, column {column}: a key appears twice in the same mapping",
  yamlBadIndent:
    "invalid YAML at line {line}, column {column}: the indentation does not fit the structure",
  yamlMissingCharacter:
    "invalid YAML at line {line}, column {column}: a closing bracket, brace or quote is missing",
  yamlInvalid: "invalid YAML at line {line}, column {column} ({code})",
  yamlUnreadable: "invalid YAML: the document cannot be read ({code})",
};
