// How a question that cites a provision relates to it (issue 14 item 4, issue 21). Since issue 21
// the bundled templates cite provisions by key (`references`); installing a bundled template
// installs one link per question and key (origin "bundled") with the relationship and rationale
// of PROVISION_LINK_DEFAULTS. Bundled versions published before carry reference strings
// ("GDPR Art. 28(3)(a)"): TEMPLATE_REFERENCE_LINKS (from LEGACY_ROWS, frozen) still resolves
// those, for the links of old versions and for showing their references in the reader's language.
// template-provision-links.test.ts fails when a bundled template cites a key without a default.
//
// Relationship, from the question (source) to the provision (target), as in the OSCAL mapping
// model: "subset" = the question checks part of what the provision requires; "equal" = the
// question asks for exactly that duty; "superset" = the question asks for more than the
// provision; "intersects" = they overlap (a standard's control, guidance, a ruling).

export const LINK_RELATIONSHIPS = ["equal", "subset", "superset", "intersects"] as const;
export type LinkRelationship = (typeof LINK_RELATIONSHIPS)[number];

export interface ReferenceLink {
  provisionKey: string;
  relationship: LinkRelationship;
  /** One line: why the question touches this provision. */
  rationale: string;
}

type Row = [
  reference: string,
  provisionKey: string,
  relationship: LinkRelationship,
  rationale: string,
];

const GDPR = "eu:2016/679";
const AI = "eu:2024/1689";
const NIS2 = "eu:2022/2555";
const DORA = "eu:2022/2554";
const DATA_ACT = "eu:2023/2854";
const ISO27 = "iso:27001";
const ISO42 = "iso:42001";
const C5 = "bsi:c5";

/** The reference strings of the bundled versions before issue 21. Frozen: old versions cite them. */
const LEGACY_ROWS: Row[] = [
  // GDPR
  [
    "GDPR Art. 4(5)",
    `${GDPR}:art:4:par:5`,
    "intersects",
    "The question asks whether data are pseudonymised in the sense of this definition.",
  ],
  [
    "GDPR Art. 5(1)(b)",
    `${GDPR}:art:5:par:1:pt:b`,
    "subset",
    "Reusing customer data for other purposes, such as training, touches purpose limitation.",
  ],
  [
    "GDPR Art. 5(1)(c)",
    `${GDPR}:art:5:par:1:pt:c`,
    "subset",
    "The question checks that only the data needed are processed.",
  ],
  [
    "GDPR Art. 5(1)(e)",
    `${GDPR}:art:5:par:1:pt:e`,
    "subset",
    "Retention periods of prompts, outputs and logs are part of storage limitation.",
  ],
  [
    "GDPR Art. 12(3)",
    `${GDPR}:art:12:par:3`,
    "subset",
    "The vendor's support for answering data subject requests in time serves this deadline.",
  ],
  [
    "GDPR Art. 13",
    `${GDPR}:art:13`,
    "subset",
    "What the vendor discloses lets the controller give the information this article requires.",
  ],
  [
    "GDPR Art. 13(1)(f)",
    `${GDPR}:art:13:par:1:pt:f`,
    "subset",
    "Knowing where data go lets the controller inform about third-country transfers.",
  ],
  [
    "GDPR Art. 13(2)(f)",
    `${GDPR}:art:13:par:2:pt:f`,
    "subset",
    "Information about automated decisions by the AI service feeds this duty to inform.",
  ],
  [
    "GDPR Art. 15",
    `${GDPR}:art:15`,
    "subset",
    "The vendor must be able to find and return a data subject's data for access requests.",
  ],
  [
    "GDPR Art. 15(1)(h)",
    `${GDPR}:art:15:par:1:pt:h`,
    "subset",
    "Explaining the logic of automated decisions is needed to answer access requests.",
  ],
  [
    "GDPR Art. 17",
    `${GDPR}:art:17`,
    "subset",
    "The question checks that the vendor can erase a person's data on request.",
  ],
  [
    "GDPR Art. 21",
    `${GDPR}:art:21`,
    "subset",
    "An opt-out from further use of data supports the right to object.",
  ],
  [
    "GDPR Art. 22",
    `${GDPR}:art:22`,
    "intersects",
    "Decisions made by the AI service alone may fall under the rules on automated decisions.",
  ],
  [
    "GDPR Art. 25",
    `${GDPR}:art:25`,
    "subset",
    "Privacy-friendly defaults and design of the service are part of this duty.",
  ],
  [
    "GDPR Art. 27",
    `${GDPR}:art:27`,
    "equal",
    "A vendor outside the EU needs an EU representative; the question asks for it.",
  ],
  [
    "GDPR Art. 28",
    `${GDPR}:art:28`,
    "subset",
    "The question checks part of the processor relationship this article governs.",
  ],
  [
    "GDPR Art. 28(1)",
    `${GDPR}:art:28:par:1`,
    "subset",
    "Evidence of the vendor's guarantees is what the controller must check before engaging it.",
  ],
  [
    "GDPR Art. 28(2)",
    `${GDPR}:art:28:par:2`,
    "subset",
    "Sub-processors and notice of changes are governed by the prior-authorisation rule.",
  ],
  [
    "GDPR Art. 28(3)",
    `${GDPR}:art:28:par:3`,
    "subset",
    "The question checks a term the data processing agreement must contain.",
  ],
  [
    "GDPR Art. 28(3)(a)",
    `${GDPR}:art:28:par:3:pt:a`,
    "subset",
    "Using data only as instructed (e.g. not for training) is the documented-instructions term.",
  ],
  [
    "GDPR Art. 28(3)(b)",
    `${GDPR}:art:28:par:3:pt:b`,
    "subset",
    "Staff with data access must be bound to confidentiality.",
  ],
  [
    "GDPR Art. 28(3)(e)",
    `${GDPR}:art:28:par:3:pt:e`,
    "subset",
    "The vendor's help with data subject requests is this contract term.",
  ],
  [
    "GDPR Art. 28(3)(f)",
    `${GDPR}:art:28:par:3:pt:f`,
    "subset",
    "Breach notification and security support are the assistance this term requires.",
  ],
  [
    "GDPR Art. 28(3)(g)",
    `${GDPR}:art:28:par:3:pt:g`,
    "subset",
    "Deletion or return of data at the end of the contract is this term.",
  ],
  [
    "GDPR Art. 28(3)(h)",
    `${GDPR}:art:28:par:3:pt:h`,
    "subset",
    "Audit reports and inspection rights are the information this term requires.",
  ],
  [
    "GDPR Art. 28(4)",
    `${GDPR}:art:28:par:4`,
    "subset",
    "Sub-processors must be bound by the same data protection obligations.",
  ],
  [
    "GDPR Art. 28(9)",
    `${GDPR}:art:28:par:9`,
    "equal",
    "The question asks for the signed (written or electronic) processing agreement.",
  ],
  [
    "GDPR Art. 28(10)",
    `${GDPR}:art:28:par:10`,
    "intersects",
    "A vendor that uses data for its own purposes becomes a controller for that use.",
  ],
  [
    "GDPR Art. 29",
    `${GDPR}:art:29`,
    "subset",
    "Staff and sub-processors may process only on instructions.",
  ],
  [
    "GDPR Art. 32",
    `${GDPR}:art:32`,
    "subset",
    "The question checks one technical or organisational security measure.",
  ],
  [
    "GDPR Art. 32(1)(d)",
    `${GDPR}:art:32:par:1:pt:d`,
    "subset",
    "Penetration tests and audits are the regular testing this point requires.",
  ],
  [
    "GDPR Art. 32(4)",
    `${GDPR}:art:32:par:4`,
    "subset",
    "Restricting and instructing staff with access is this paragraph's duty.",
  ],
  [
    "GDPR Art. 33",
    `${GDPR}:art:33`,
    "subset",
    "The vendor's incident process feeds the controller's breach notification.",
  ],
  [
    "GDPR Art. 33(2)",
    `${GDPR}:art:33:par:2`,
    "equal",
    "The question asks how fast the vendor notifies us of a breach.",
  ],
  [
    "GDPR Art. 33(5)",
    `${GDPR}:art:33:par:5`,
    "subset",
    "Incident records of the vendor support the controller's breach documentation.",
  ],
  [
    "GDPR Art. 35",
    `${GDPR}:art:35`,
    "intersects",
    "The vendor's information supports our data protection impact assessment.",
  ],
  [
    "GDPR Art. 37",
    `${GDPR}:art:37`,
    "subset",
    "The question asks whether the vendor has designated a data protection officer.",
  ],
  [
    "GDPR Art. 42",
    `${GDPR}:art:42`,
    "intersects",
    "Certifications are evidence under the GDPR's certification mechanisms.",
  ],
  [
    "GDPR Art. 44",
    `${GDPR}:art:44`,
    "subset",
    "Where data are stored or accessed decides whether the transfer rules apply.",
  ],
  [
    "GDPR Art. 45",
    `${GDPR}:art:45`,
    "subset",
    "A transfer to an adequate country rests on an adequacy decision.",
  ],
  [
    "GDPR Art. 46",
    `${GDPR}:art:46`,
    "subset",
    "Transfers without adequacy need safeguards such as SCCs.",
  ],
  [
    "GDPR Art. 47",
    `${GDPR}:art:47`,
    "subset",
    "Binding corporate rules are one safeguard for intra-group transfers.",
  ],
  [
    "GDPR Art. 48",
    `${GDPR}:art:48`,
    "subset",
    "Foreign authority requests for data are governed by this article.",
  ],
  [
    "GDPR Art. 49",
    `${GDPR}:art:49`,
    "intersects",
    "Relying on derogations for transfers is limited to specific situations.",
  ],
  // AI Act
  [
    "AI Act Art. 3",
    `${AI}:art:3`,
    "intersects",
    "The vendor's role (provider, deployer) follows the Act's definitions.",
  ],
  [
    "AI Act Art. 4",
    `${AI}:art:4`,
    "subset",
    "The question checks the AI literacy of the vendor's staff.",
  ],
  [
    "AI Act Art. 5",
    `${AI}:art:5`,
    "subset",
    "The question checks that the service involves no prohibited practice.",
  ],
  [
    "AI Act Art. 6",
    `${AI}:art:6`,
    "subset",
    "Whether the system is high-risk follows the classification rules.",
  ],
  [
    "AI Act Art. 9",
    `${AI}:art:9`,
    "subset",
    "The question checks the risk management a high-risk system must have.",
  ],
  [
    "AI Act Art. 12",
    `${AI}:art:12`,
    "subset",
    "Automatic logging of events is the record-keeping duty.",
  ],
  [
    "AI Act Art. 13",
    `${AI}:art:13`,
    "subset",
    "Instructions for use and information to deployers are this transparency duty.",
  ],
  [
    "AI Act Art. 14",
    `${AI}:art:14`,
    "subset",
    "The question checks the human oversight built into the system.",
  ],
  [
    "AI Act Art. 15",
    `${AI}:art:15`,
    "subset",
    "Accuracy, robustness and security testing are this article's requirements.",
  ],
  [
    "AI Act Art. 16",
    `${AI}:art:16`,
    "subset",
    "The question checks one of the obligations of a high-risk provider.",
  ],
  [
    "AI Act Art. 17",
    `${AI}:art:17`,
    "subset",
    "A quality management system is required of high-risk providers.",
  ],
  [
    "AI Act Art. 22",
    `${AI}:art:22`,
    "equal",
    "A provider outside the EU needs an authorised representative; the question asks for it.",
  ],
  [
    "AI Act Art. 25",
    `${AI}:art:25`,
    "subset",
    "Responsibilities shift along the value chain when a system is modified or rebranded.",
  ],
  [
    "AI Act Art. 26",
    `${AI}:art:26`,
    "intersects",
    "Our own duties as deployer depend on what the vendor provides.",
  ],
  [
    "AI Act Art. 27",
    `${AI}:art:27`,
    "intersects",
    "The vendor's information supports a fundamental rights impact assessment.",
  ],
  [
    "AI Act Art. 43",
    `${AI}:art:43`,
    "subset",
    "The question asks for the conformity assessment of a high-risk system.",
  ],
  [
    "AI Act Art. 47",
    `${AI}:art:47`,
    "equal",
    "The question asks for the EU declaration of conformity.",
  ],
  [
    "AI Act Art. 49",
    `${AI}:art:49`,
    "subset",
    "High-risk systems must be registered in the EU database.",
  ],
  [
    "AI Act Art. 50",
    `${AI}:art:50`,
    "subset",
    "Telling users they interact with AI and marking generated content are Art. 50 duties.",
  ],
  [
    "AI Act Art. 51",
    `${AI}:art:51`,
    "subset",
    "Whether a model has systemic risk follows this classification.",
  ],
  [
    "AI Act Art. 53",
    `${AI}:art:53`,
    "subset",
    "The question checks one obligation of a general-purpose AI model provider.",
  ],
  [
    "AI Act Art. 54",
    `${AI}:art:54`,
    "equal",
    "A GPAI provider outside the EU needs an authorised representative; the question asks for it.",
  ],
  [
    "AI Act Art. 55",
    `${AI}:art:55`,
    "subset",
    "Evaluations, incident reporting and security are duties for models with systemic risk.",
  ],
  [
    "AI Act Art. 56",
    `${AI}:art:56`,
    "intersects",
    "Signing the code of practice is a way to show compliance with Arts. 53 and 55.",
  ],
  [
    "AI Act Art. 72",
    `${AI}:art:72`,
    "subset",
    "Monitoring the system after release is the post-market monitoring duty.",
  ],
  [
    "AI Act Art. 73",
    `${AI}:art:73`,
    "subset",
    "The question checks how serious incidents are reported.",
  ],
  [
    "AI Act Art. 86",
    `${AI}:art:86`,
    "intersects",
    "Explanations of individual decisions support this right of affected persons.",
  ],
  [
    "AI Act Annex III",
    `${AI}:annex:iii`,
    "subset",
    "The use case decides whether the system is high-risk under Annex III.",
  ],
  [
    "AI Act Annex XI",
    `${AI}:annex:xi`,
    "subset",
    "The question asks for an item of the model's technical documentation.",
  ],
  [
    "AI Act Annex XII",
    `${AI}:annex:xii`,
    "subset",
    "The question asks for information a GPAI provider must give downstream providers.",
  ],
  // NIS2, DORA, Data Act
  [
    "NIS2 Art. 3",
    `${NIS2}:art:3`,
    "intersects",
    "Whether the vendor is an essential or important entity decides its NIS2 duties.",
  ],
  [
    "NIS2 Art. 12",
    `${NIS2}:art:12`,
    "intersects",
    "A vulnerability disclosure policy is what coordinated disclosure relies on.",
  ],
  [
    "NIS2 Art. 21",
    `${NIS2}:art:21`,
    "subset",
    "The question checks one of the cybersecurity risk-management measures.",
  ],
  [
    "NIS2 Art. 21(2)(b)",
    `${NIS2}:art:21:par:2:pt:b`,
    "subset",
    "Incident handling is the measure this point names.",
  ],
  [
    "NIS2 Art. 21(2)(c)",
    `${NIS2}:art:21:par:2:pt:c`,
    "subset",
    "Backups, recovery and continuity are the measures this point names.",
  ],
  [
    "NIS2 Art. 21(2)(d)",
    `${NIS2}:art:21:par:2:pt:d`,
    "subset",
    "Sub-processors and suppliers are part of supply chain security.",
  ],
  [
    "NIS2 Art. 21(2)(e)",
    `${NIS2}:art:21:par:2:pt:e`,
    "subset",
    "Secure development and vulnerability handling are the measures this point names.",
  ],
  [
    "NIS2 Art. 21(2)(f)",
    `${NIS2}:art:21:par:2:pt:f`,
    "subset",
    "Audits and tests assess whether the measures work.",
  ],
  [
    "NIS2 Art. 21(2)(g)",
    `${NIS2}:art:21:par:2:pt:g`,
    "subset",
    "Security training of staff is cyber hygiene under this point.",
  ],
  [
    "NIS2 Art. 21(2)(h)",
    `${NIS2}:art:21:par:2:pt:h`,
    "subset",
    "Encryption of data is the measure this point names.",
  ],
  [
    "NIS2 Art. 21(2)(i)",
    `${NIS2}:art:21:par:2:pt:i`,
    "subset",
    "Access control and access reviews are the measures this point names.",
  ],
  [
    "NIS2 Art. 21(2)(j)",
    `${NIS2}:art:21:par:2:pt:j`,
    "subset",
    "Multi-factor authentication is the measure this point names.",
  ],
  [
    "NIS2 Art. 23",
    `${NIS2}:art:23`,
    "intersects",
    "The vendor's incident notice feeds our own NIS2 reporting deadlines.",
  ],
  [
    "DORA Art. 12",
    `${DORA}:art:12`,
    "subset",
    "Backups and restoration are required by this article.",
  ],
  [
    "DORA Art. 25",
    `${DORA}:art:25`,
    "subset",
    "Security testing of ICT systems is required by this article.",
  ],
  [
    "DORA Art. 28",
    `${DORA}:art:28`,
    "subset",
    "The question checks part of managing ICT third-party risk.",
  ],
  [
    "DORA Art. 28(8)",
    `${DORA}:art:28:par:8`,
    "subset",
    "An exit plan and data return support the required exit strategy.",
  ],
  [
    "DORA Art. 30",
    `${DORA}:art:30`,
    "subset",
    "The question checks a term the ICT services contract must contain.",
  ],
  [
    "DORA Art. 30(2)(b)",
    `${DORA}:art:30:par:2:pt:b`,
    "subset",
    "Where data are processed and stored must be stated in the contract.",
  ],
  [
    "DORA Art. 30(2)(f)",
    `${DORA}:art:30:par:2:pt:f`,
    "subset",
    "Help during an ICT incident must be agreed in the contract.",
  ],
  [
    "DORA Art. 30(3)(c)",
    `${DORA}:art:30:par:3:pt:c`,
    "subset",
    "Tested contingency plans and security measures are contract terms for critical functions.",
  ],
  [
    "EU Data Act Art. 25",
    `${DATA_ACT}:art:25`,
    "subset",
    "Exit and switching terms of the cloud contract are governed by this article.",
  ],
  [
    "EU Data Act Art. 32",
    `${DATA_ACT}:art:32`,
    "subset",
    "Safeguards against foreign government access to non-personal data are this article's duty.",
  ],
  // Other instruments
  [
    "BDSG § 38",
    "de:bdsg:par:38",
    "subset",
    "Whether a German vendor must designate a data protection officer follows § 38.",
  ],
  [
    "CJEU C-311/18 (Schrems II)",
    "eu:cjeu:C-311/18:ruling",
    "intersects",
    "Transfer impact assessments and supplementary measures stem from this judgment.",
  ],
  [
    "EDPB Recommendations 01/2020",
    "edpb:rec:01/2020:roadmap",
    "intersects",
    "The question checks a step of the EDPB's transfer roadmap (assessment, supplementary measures).",
  ],
  [
    "Implementing Decision (EU) 2023/1795",
    "eu:2023/1795:art:1",
    "subset",
    "Transfers to the US rely on adequacy only for organisations certified under the DPF.",
  ],
  [
    "Directive (EU) 2019/790 Art. 4",
    "eu:2019/790:art:4",
    "subset",
    "Honouring rightholders' text-and-data-mining opt-outs in training data is this article's condition.",
  ],
  // Standards
  [
    "ISO/IEC 27001",
    `${ISO27}:cl:4-10`,
    "intersects",
    "A certificate shows an ISMS meeting the standard's requirements.",
  ],
  [
    "ISO/IEC 27001 A.5.15",
    `${ISO27}:annex-a:5.15`,
    "intersects",
    "The question checks access control rules, as this control does.",
  ],
  [
    "ISO/IEC 27001 A.5.18",
    `${ISO27}:annex-a:5.18`,
    "intersects",
    "Granting and reviewing access rights is this control.",
  ],
  [
    "ISO/IEC 27001 A.5.20",
    `${ISO27}:annex-a:5.20`,
    "intersects",
    "Security terms in supplier agreements are this control.",
  ],
  [
    "ISO/IEC 27001 A.5.21",
    `${ISO27}:annex-a:5.21`,
    "intersects",
    "Security of the vendor's own supply chain is this control.",
  ],
  [
    "ISO/IEC 27001 A.5.24",
    `${ISO27}:annex-a:5.24`,
    "intersects",
    "A planned incident response process is this control.",
  ],
  [
    "ISO/IEC 27001 A.5.27",
    `${ISO27}:annex-a:5.27`,
    "intersects",
    "Learning from incidents (post-incident review) is this control.",
  ],
  [
    "ISO/IEC 27001 A.5.30",
    `${ISO27}:annex-a:5.30`,
    "intersects",
    "ICT continuity readiness is this control.",
  ],
  [
    "ISO/IEC 27001 A.6.3",
    `${ISO27}:annex-a:6.3`,
    "intersects",
    "Security awareness training of staff is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.2",
    `${ISO27}:annex-a:8.2`,
    "intersects",
    "Restricting privileged access is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.3",
    `${ISO27}:annex-a:8.3`,
    "intersects",
    "Restricting who can access customer data is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.5",
    `${ISO27}:annex-a:8.5`,
    "intersects",
    "Strong authentication such as MFA is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.8",
    `${ISO27}:annex-a:8.8`,
    "intersects",
    "Handling technical vulnerabilities is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.10",
    `${ISO27}:annex-a:8.10`,
    "intersects",
    "Deleting data when no longer needed is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.15",
    `${ISO27}:annex-a:8.15`,
    "intersects",
    "Recording and keeping logs is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.16",
    `${ISO27}:annex-a:8.16`,
    "intersects",
    "Monitoring for anomalous behaviour is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.24",
    `${ISO27}:annex-a:8.24`,
    "intersects",
    "Encryption and key management are this control.",
  ],
  [
    "ISO/IEC 27001 A.8.25",
    `${ISO27}:annex-a:8.25`,
    "intersects",
    "A secure development life cycle is this control.",
  ],
  [
    "ISO/IEC 27001 A.8.28",
    `${ISO27}:annex-a:8.28`,
    "intersects",
    "Secure coding practices are this control.",
  ],
  [
    "ISO/IEC 27001 A.8.29",
    `${ISO27}:annex-a:8.29`,
    "intersects",
    "Security testing before release is this control.",
  ],
  [
    "ISO/IEC 42001",
    `${ISO42}:cl:4-10`,
    "intersects",
    "A certificate shows an AI management system meeting the standard's requirements.",
  ],
  [
    "ISO/IEC 42001 A.6",
    `${ISO42}:annex-a:a.6`,
    "intersects",
    "The question checks a stage of the AI system life cycle.",
  ],
  [
    "ISO/IEC 42001 A.7",
    `${ISO42}:annex-a:a.7`,
    "intersects",
    "Provenance and quality of training data are this control objective.",
  ],
  [
    "ISO/IEC 42001 A.8",
    `${ISO42}:annex-a:a.8`,
    "intersects",
    "Information given to users and customers about the AI system is this objective.",
  ],
  [
    "ISO/IEC 42001 A.10",
    `${ISO42}:annex-a:a.10`,
    "intersects",
    "Responsibilities towards customers and suppliers are this control objective.",
  ],
  [
    "BSI C5",
    `${C5}:criteria`,
    "intersects",
    "A C5 attestation covers the catalogue's criteria as a whole.",
  ],
  [
    "BSI C5 OPS",
    `${C5}:domain:ops`,
    "intersects",
    "Logging, monitoring and vulnerability handling are criteria of the OPS domain.",
  ],
  [
    "BSI C5 IDM",
    `${C5}:domain:idm`,
    "intersects",
    "Identity and access management are criteria of the IDM domain.",
  ],
  [
    "BSI C5 CRY",
    `${C5}:domain:cry`,
    "intersects",
    "Encryption and key management are criteria of the CRY domain.",
  ],
  [
    "BSI C5 PI",
    `${C5}:domain:pi`,
    "intersects",
    "Data export and exit are criteria of the PI domain.",
  ],
  [
    "BSI C5 DEV",
    `${C5}:domain:dev`,
    "intersects",
    "Secure development is a criterion of the DEV domain.",
  ],
  [
    "BSI C5 SSO",
    `${C5}:domain:sso`,
    "intersects",
    "Steering sub-processors and suppliers is the SSO domain.",
  ],
  [
    "BSI C5 BCM",
    `${C5}:domain:bcm`,
    "intersects",
    "Continuity and recovery are criteria of the BCM domain.",
  ],
  [
    "BSI C5 INQ",
    `${C5}:domain:inq`,
    "intersects",
    "Handling government requests for data is the INQ domain.",
  ],
];

/** Reference string → the provisions it links to (every bundled reference has at least one). */
export const TEMPLATE_REFERENCE_LINKS: Readonly<Record<string, readonly ReferenceLink[]>> = (() => {
  const map: Record<string, ReferenceLink[]> = {};
  for (const [reference, provisionKey, relationship, rationale] of LEGACY_ROWS)
    (map[reference] ??= []).push({ provisionKey, relationship, rationale });
  return map;
})();

/** Provisions first cited in issue 21's template versions: key, relationship, rationale. */
const ADDED_ROWS: Array<[provisionKey: string, relationship: LinkRelationship, rationale: string]> =
  [
    // Transparency indicators and data residency (issue 21, compliance-review.md §2–§3).
    [
      `${AI}:annex:xii:pt:1:pt:b`,
      "equal",
      "Annex XII names the acceptable use policies among the information for downstream providers.",
    ],
    [
      `${AI}:art:13:par:3:pt:c`,
      "intersects",
      "Instructions for use of high-risk systems state pre-determined changes; a public changelog covers them for every model.",
    ],
    [
      `${AI}:art:13:par:3:pt:e`,
      "intersects",
      "Instructions for use of high-risk systems state maintenance and updates; a deprecation policy is a public counterpart.",
    ],
    [
      `${DATA_ACT}:art:1:par:2:pt:f`,
      "intersects",
      "Limits Art. 32 Data Act to non-personal data; for personal data Art. 48 GDPR governs foreign access.",
    ],
    [
      "de:urhg:par:44b",
      "intersects",
      "German implementation of text and data mining with a machine-readable reservation of use (Art. 4 Directive (EU) 2019/790).",
    ],
    [`${C5}:domain:ops:crit:ops-09`, "intersects", "The C5 criterion on where backups are stored."],
    [
      `${ISO42}:annex-a:a.7.5`,
      "intersects",
      "Recording the provenance of data is what naming the training data sources discloses.",
    ],
    [
      `${ISO42}:annex-a:a.7.6`,
      "intersects",
      "Data preparation covers the filtering and curation steps the indicator asks about.",
    ],
    [
      `${ISO42}:annex-a:a.8.3`,
      "intersects",
      "External reporting: no law requires public impact figures, the standard's control is the closest.",
    ],
    [
      `${ISO42}:annex-a:a.9.2`,
      "intersects",
      "Processes for responsible use: no law requires publishing enforcement of a usage policy.",
    ],
    [
      `${ISO42}:annex-a:a.9.4`,
      "intersects",
      "Intended use of the AI system: no law requires a published model behaviour policy.",
    ],
    [
      `${ISO42}:annex-a:a.10.4`,
      "intersects",
      "Responsibilities towards customers include how usage rules are enforced.",
    ],
    // Issue 21, AI vendor due diligence (review §2, §3, §6.2).
    [
      "eu:2022/2554:art:30:par:3:pt:d",
      "subset",
      "If we are a financial entity, the contract must provide for the vendor's participation in our threat-led penetration testing.",
    ],
    [
      "eu:2022/2554:art:30:par:3:pt:b",
      "subset",
      "Notice periods and the vendor's reporting obligations towards us are a key term of DORA contracts.",
    ],
    [
      "eu:2022/2554:art:30:par:3:pt:f",
      "subset",
      "An exit strategy with a transition period is a key term of DORA contracts for critical or important functions.",
    ],
    [
      "eu:2022/2554:art:30:par:2:pt:a",
      "subset",
      "The contract must describe the services and the conditions under which they may be subcontracted.",
    ],
    [
      "eu:2022/2554:art:29:par:2",
      "intersects",
      "Chains of sub-processors are a subcontracting risk a financial entity must assess.",
    ],
    [
      "eu:2022/2554:art:10",
      "intersects",
      "Automated anomaly detection is the detection capability DORA requires of financial entities and expects of their providers.",
    ],
    [
      "bsi:c5:domain:ops:crit:ops-19",
      "subset",
      "C5 criterion for regular penetration tests of the cloud service.",
    ],
    [
      "bsi:c5:domain:ops:crit:ops-24",
      "subset",
      "C5 criterion for the separation of customers' data sets in the cloud infrastructure.",
    ],
    ["bsi:c5:domain:ops:crit:ops-09", "subset", "C5 criterion on where backups are stored."],
    [
      "bsi:c5:domain:ops:crit:ops-13",
      "subset",
      "C5 criterion on logging and monitoring to detect security events and anomalies.",
    ],
    [
      "bsi:c5:domain:hr:crit:hr-03",
      "subset",
      "C5 criterion for security training and awareness of staff.",
    ],
    [
      "bsi:c5:domain:hr:crit:hr-06",
      "subset",
      "C5 criterion for confidentiality agreements of staff.",
    ],
    [
      "bsi:c5:domain:pss:crit:pss-12",
      "subset",
      "C5 criterion on disclosing the locations of data processing and storage.",
    ],
    [
      "bsi:c5:domain:pss:crit:pss-05",
      "subset",
      "C5 criterion on the authentication mechanisms offered to cloud customers.",
    ],
    [
      "bsi:c5:domain:pss:crit:pss-08",
      "subset",
      "C5 criterion on secure login of the cloud customer's users.",
    ],
    [
      "bsi:c5:domain:pss:crit:pss-09",
      "subset",
      "C5 criterion on the authorisation mechanisms offered to cloud customers.",
    ],
    [
      "bsi:c5:domain:pi:crit:pi-02",
      "subset",
      "C5 criterion on contractual terms for handing over data at the end of the service.",
    ],
    [
      "bsi:c5:domain:pi:crit:pi-03",
      "subset",
      "C5 criterion on the secure deletion of customer data at contract end.",
    ],
    [
      "bsi:c5:domain:idm:crit:idm-05",
      "subset",
      "C5 criterion on the regular review of access rights.",
    ],
    [
      "bsi:c5:domain:idm:crit:idm-07",
      "subset",
      "C5 criterion on staff access to cloud customer data.",
    ],
    [
      "bsi:c5:domain:sim:crit:sim-01",
      "subset",
      "C5 criterion on the security incident management policy, including customer notification.",
    ],
    [
      "bsi:c5:domain:sim:crit:sim-03",
      "subset",
      "C5 criterion on documenting and reporting security incidents to customers.",
    ],
    [
      "bsi:c5:domain:sso:crit:sso-01",
      "subset",
      "C5 criterion on managing sub-contractors, including notice of changes.",
    ],
    [
      "bsi:c5:domain:sso:crit:sso-03",
      "subset",
      "C5 criterion on keeping a directory of sub-contractors.",
    ],
    [
      "eu:2024/1689:art:15:par:4",
      "intersects",
      "Resilience against errors and inconsistencies is part of what runtime safeguards protect.",
    ],
    [
      "eu:2024/1689:art:15:par:5",
      "subset",
      "Resilience against poisoning, adversarial inputs and confidentiality attacks is the security this paragraph requires of high-risk systems.",
    ],
    [
      "eu:2024/1689:art:53:par:1:pt:a",
      "subset",
      "The question checks the model's technical documentation duty.",
    ],
    [
      "eu:2024/1689:art:53:par:1:pt:b",
      "subset",
      "The question asks for information a general-purpose AI model provider must give downstream providers.",
    ],
    [
      "eu:2024/1689:art:53:par:1:pt:c",
      "subset",
      "The question checks the copyright policy of a general-purpose AI model provider.",
    ],
    [
      "eu:2024/1689:art:53:par:1:pt:d",
      "subset",
      "The public summary of training content is what this point requires.",
    ],
    [
      "eu:2024/1689:art:50:par:1",
      "equal",
      "Telling people that they interact with an AI system is this paragraph's duty.",
    ],
    [
      "eu:2024/1689:art:50:par:2",
      "equal",
      "Machine-readable marking of generated content is this paragraph's duty.",
    ],
    [
      "eu:2024/1689:art:13:par:3:pt:b:pt:iv",
      "intersects",
      "Capabilities to explain an output are part of the instructions for use of high-risk systems.",
    ],
    [
      "eu:2024/1689:art:26:par:11",
      "intersects",
      "Deployers must inform persons about decisions a high-risk system makes or assists; the vendor's answer tells us whether we must.",
    ],
    [
      "eu:2024/1689:art:26:par:7",
      "intersects",
      "Deployers must inform workers' representatives before using high-risk AI at the workplace.",
    ],
    [
      "eu:2024/1689:art:26:par:5",
      "intersects",
      "Our own monitoring duty as deployer is why we need the vendor's monitoring and incident information.",
    ],
    [
      "eu:2024/1689:art:26:par:9",
      "intersects",
      "Deployers use the provider's information for their data protection impact assessment.",
    ],
    [
      "eu:2024/1689:art:20:par:1",
      "subset",
      "A provider must inform deployers of non-conformities and corrective actions; the question asks whether the vendor does.",
    ],
    [
      "eu:2024/1689:art:3:pt:1",
      "intersects",
      "Whether the service is an AI system at all follows this definition.",
    ],
    ["eu:2024/1689:art:3:pt:3", "intersects", "Provider status follows this definition."],
    ["eu:2024/1689:art:3:pt:4", "intersects", "Deployer status follows this definition."],
    [
      "eu:2024/1689:art:25:par:1",
      "intersects",
      "For high-risk systems, rebranding or substantially modifying a third party's system makes the vendor its provider.",
    ],
    [
      "eu:2024/1689:art:6:par:1",
      "intersects",
      "High-risk systems in Annex I products follow their own (later) application date.",
    ],
    [
      "eu:2024/1689:art:6:par:2",
      "subset",
      "Whether the system is a high-risk system under Annex III decides which obligations apply and from when.",
    ],
    [
      "eu:2024/1689:art:11",
      "subset",
      "Technical documentation is part of the high-risk provider's conformity work.",
    ],
    [
      "eu:2024/1689:art:48",
      "subset",
      "CE marking completes the conformity assessment of a high-risk system.",
    ],
    [
      "iso:42001:annex-a:a.6.2.4",
      "intersects",
      "Verification and validation of the AI system covers testing against AI-specific attacks.",
    ],
    [
      "iso:42001:annex-a:a.6.2.6",
      "intersects",
      "Operating and monitoring the AI system is this control.",
    ],
    [
      "iso:42001:annex-a:a.8.2",
      "intersects",
      "Documentation and information for users of the AI system is this control.",
    ],
    [
      "iso:42001:annex-a:a.8.4",
      "intersects",
      "Communicating incidents to users and interested parties is this control.",
    ],
    [
      "iso:42001:annex-a:a.10.3",
      "intersects",
      "Managing AI suppliers, including the information they provide, is this control.",
    ],
    [
      "iso:27001:annex-a:8.12",
      "intersects",
      "Output filtering and DLP are data leakage prevention.",
    ],
    [
      "iso:27001:annex-a:8.26",
      "intersects",
      "Security requirements of the AI application include defences against prompt injection.",
    ],
    [
      "iso:27001:annex-a:8.27",
      "intersects",
      "Separating instructions from untrusted content is a secure architecture principle.",
    ],
    [
      "iso:27001:annex-a:8.22",
      "intersects",
      "Network segregation is one technical layer of tenant isolation.",
    ],
    [
      "iso:27001:annex-a:5.23",
      "intersects",
      "Security in the use of cloud services covers the separation of cloud customers.",
    ],
    ["iso:27001:annex-a:6.6", "subset", "Confidentiality agreements of staff are this control."],
    [
      "iso:27001:annex-a:5.22",
      "intersects",
      "Changes to a supplier's service, such as a new model, fall under supplier change management.",
    ],
    [
      "iso:27001:annex-a:8.13",
      "intersects",
      "Backups and their locations are governed by the backup control.",
    ],
    [
      "iso:27001:annex-a:8.11",
      "intersects",
      "Redacting personal data before inference is data masking.",
    ],
    [
      "iso:27001:annex-a:5.7",
      "subset",
      "Using threat intelligence to adapt controls is this control.",
    ],
    [
      "eu:cjeu:C-634/21:ruling",
      "intersects",
      "A score a decision maker relies on can itself be an automated decision under Art. 22 GDPR.",
    ],
    [
      "eu:cjeu:C-203/22:ruling",
      "intersects",
      "The ruling says what meaningful information about the logic of automated decisions must contain.",
    ],
    [
      "eu:cjeu:C-34/21:ruling",
      "intersects",
      "§ 26 BDSG alone may not carry the processing of employee data after this ruling.",
    ],
    [
      "edpb:guidelines:05/2021:transfer-criteria",
      "intersects",
      "Remote access from a third country is a transfer under the EDPB's criteria.",
    ],
    [
      "edpb:guidelines:2/2018:art-49",
      "intersects",
      "Art. 49 derogations do not cover systematic transfers of a processor.",
    ],
    [
      "edpb:guidelines:3/2018:representative",
      "intersects",
      "Whether a vendor outside the EU needs a GDPR representative depends on Art. 3(2) as the EDPB reads it.",
    ],
    [
      "edpb:opinion:28/2024:ai-models",
      "intersects",
      "The EDPB's view on training AI models with personal data frames a vendor's own use of customer data.",
    ],
    [
      "de:dsk:oh-ki:whole",
      "intersects",
      "The German supervisory authorities' guidance names these measures for AI applications.",
    ],
    [
      "eu:2021/914:annex:clause:14",
      "subset",
      "The standard contractual clauses themselves require the transfer impact assessment.",
    ],
    [
      "eu:2021/914:annex:clause:9",
      "subset",
      "Notice of sub-processor changes with time to object is this clause of the standard contractual clauses.",
    ],
    [
      "eu:2021/915:annex",
      "intersects",
      "The Commission's Art. 28(7) clauses contain every minimum term of Art. 28(3) GDPR.",
    ],
    [
      "eu:2016/679:art:6:par:4",
      "intersects",
      "Using customer data for training is a further purpose that needs a compatibility test or a legal basis.",
    ],
    [
      "eu:2016/679:art:25:par:2",
      "subset",
      "Features that process extra data off by default are data protection by default.",
    ],
    [
      "eu:2016/679:art:32:par:1:pt:c",
      "subset",
      "Restoring availability and access after an incident, and where backups are, serve this point.",
    ],
    [
      "eu:2016/679:art:32:par:1:pt:b",
      "intersects",
      "Detecting anomalies protects the ongoing confidentiality, integrity and availability of systems.",
    ],
    [
      "eu:2016/679:art:16",
      "subset",
      "The vendor must be able to correct inaccurate data, including in outputs and models.",
    ],
    [
      "eu:2016/679:art:5:par:1:pt:d",
      "subset",
      "Incorrect statements about people in outputs breach the accuracy principle.",
    ],
    [
      "eu:2016/679:art:22:par:3",
      "subset",
      "Human intervention, the right to contest and an explanation are the safeguards this paragraph requires.",
    ],
    [
      "eu:2016/679:art:88:par:2",
      "intersects",
      "Employee data need a specific national rule or another legal basis.",
    ],
    [
      "eu:2016/679:art:9",
      "subset",
      "Special categories of personal data need a condition of Art. 9 and extra protection.",
    ],
    [
      "eu:2016/679:art:28:par:3:pt:c",
      "subset",
      "The security measures under Art. 32 are a mandatory term of the processing agreement.",
    ],
    [
      "eu:2016/679:art:28:par:3:pt:d",
      "subset",
      "The conditions for engaging sub-processors are a mandatory term of the processing agreement.",
    ],
    [
      "eu:2016/679:art:30:par:2",
      "equal",
      "The question asks for the processor's record of processing activities.",
    ],
    [
      "eu:2016/679:art:28:par:5",
      "intersects",
      "Only an approved code of conduct or certification can serve as an element to demonstrate sufficient guarantees.",
    ],
    [
      "eu:2016/679:art:40",
      "intersects",
      "The EU Cloud Code of Conduct is an approved code of conduct under this article.",
    ],
    [
      "eu:2022/2555:art:24",
      "intersects",
      "Member States may require certified ICT products and services under European schemes.",
    ],
    [
      "eu:2022/2555:art:29",
      "intersects",
      "Exchanging threat information is the information sharing NIS2 encourages.",
    ],
    [
      "de:bsig:par:28",
      "intersects",
      "Whether the vendor is a particularly important or important entity follows § 28 BSIG.",
    ],
    [
      "de:bsig:par:30",
      "subset",
      "The German risk-management measures (§ 30 Abs. 2 Nr. 1–10) mirror NIS2 Art. 21(2).",
    ],
    [
      "de:bsig:par:32",
      "intersects",
      "The vendor's notice feeds our early first report under § 32 BSIG where we are in scope.",
    ],
    [
      "de:bdsg:par:37",
      "intersects",
      "§ 37 BDSG allows automated decisions in insurance cases; otherwise Art. 22(2) GDPR governs.",
    ],
    [
      "de:bdsg:par:26",
      "intersects",
      "Processing employee data in the service needs a basis under § 26 BDSG or the GDPR.",
    ],
    [
      "de:bdsg:par:22",
      "intersects",
      "§ 22 BDSG requires specific safeguards when special categories are processed.",
    ],
    [
      "de:betrvg:par:87:abs:1:nr:6",
      "subset",
      "A service that can monitor employees' behaviour or performance is subject to the works council's co-determination.",
    ],
    [
      "de:betrvg:par:90",
      "intersects",
      "The works council must be informed when AI is planned at the workplace.",
    ],
    [
      "de:betrvg:par:80",
      "intersects",
      "The works council may call in experts to assess AI systems.",
    ],
    [
      "de:stgb:par:203",
      "subset",
      "Customers bound by professional secrecy may involve the vendor only as a contributing person bound to secrecy.",
    ],
    [
      "eu:2023/2854:art:28:par:1:pt:a",
      "subset",
      "Cloud providers must publish the jurisdiction of their ICT infrastructure.",
    ],
    [
      "eu:2023/2854:art:23",
      "subset",
      "The Data Act obliges providers to remove obstacles to switching.",
    ],
    [
      "eu:2023/2854:art:29",
      "subset",
      "Switching and data-egress charges are limited and then prohibited.",
    ],
    [
      "eu:2023/2854:art:30",
      "subset",
      "Technical support for switching and exporting data is this article.",
    ],
    [
      "eu:2024/2847:art:13",
      "subset",
      "Manufacturers of delivered software components carry the CRA's obligations.",
    ],
    [
      "eu:2024/2847:annex:i:part:i",
      "subset",
      "The essential cybersecurity requirements apply to the delivered components.",
    ],
    [
      "eu:2024/2847:annex:i:part:ii",
      "subset",
      "Vulnerability handling, SBOM and security updates are these requirements.",
    ],
    [
      "eu:2024/2847:art:14",
      "subset",
      "Manufacturers must report actively exploited vulnerabilities and severe incidents.",
    ],
    [
      "eu:2024/2847:art:12",
      "intersects",
      "A high-risk AI system that is a product with digital elements must also meet the CRA.",
    ],
  ];

/** Provision key → the relationship and rationale of a bundled link to it (added rows win). */
export const PROVISION_LINK_DEFAULTS: Readonly<
  Record<string, { relationship: LinkRelationship; rationale: string }>
> = (() => {
  const map: Record<string, { relationship: LinkRelationship; rationale: string }> = {};
  for (const [, provisionKey, relationship, rationale] of LEGACY_ROWS)
    map[provisionKey] ??= { relationship, rationale };
  for (const [provisionKey, relationship, rationale] of ADDED_ROWS)
    map[provisionKey] = { relationship, rationale };
  return map;
})();
