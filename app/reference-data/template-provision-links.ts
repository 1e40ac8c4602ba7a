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
      `${AI}:art:53:par:1:pt:a`,
      "subset",
      "Providers of general-purpose AI models document training, testing and evaluation (Annex XI); the indicator asks for part of it in public.",
    ],
    [
      `${AI}:art:53:par:1:pt:b`,
      "subset",
      "Providers of general-purpose AI models inform downstream providers (Annex XII); the indicator asks for part of that information.",
    ],
    [
      `${AI}:art:53:par:1:pt:c`,
      "subset",
      "A published copyright policy with how reservations of rights are honoured is what this letter requires of GPAI providers.",
    ],
    [
      `${AI}:art:53:par:1:pt:d`,
      "intersects",
      "The public summary of training content is one document that can satisfy the indicator.",
    ],
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
      `${AI}:art:50:par:1`,
      "subset",
      "Telling users that they interact with an AI system is this paragraph's duty.",
    ],
    [
      `${AI}:art:50:par:2`,
      "subset",
      "Marking generated content as artificially generated, in machine-readable form, is this paragraph's duty.",
    ],
    [
      `${GDPR}:art:32:par:1:pt:c`,
      "intersects",
      "Where backups are kept decides how availability and access can be restored after an incident.",
    ],
    [
      `${DATA_ACT}:art:28:par:1:pt:a`,
      "intersects",
      "Data processing service providers publish the jurisdiction of their ICT infrastructure; the question asks for the countries.",
    ],
    [
      `${DATA_ACT}:art:1:par:2:pt:f`,
      "intersects",
      "Limits Art. 32 Data Act to non-personal data; for personal data Art. 48 GDPR governs foreign access.",
    ],
    [
      "eu:2021/914:annex:clause:14",
      "subset",
      "The standard contractual clauses themselves require the parties to assess the destination's laws and practices.",
    ],
    [
      "eu:2024/2847:annex:i:part:ii",
      "intersects",
      "For products with digital elements the CRA requires vulnerability handling and a coordinated disclosure policy.",
    ],
    [
      "edpb:guidelines:2/2018:sec:1",
      "intersects",
      "Art. 49 derogations cover occasional transfers only, not the systematic transfers of a processor.",
    ],
    [
      "edpb:guidelines:05/2021:sec:2",
      "intersects",
      "Remote access from a third country to data stored in the EU is a transfer under these criteria.",
    ],
    [
      "de:urhg:par:44b",
      "intersects",
      "German implementation of text and data mining with a machine-readable reservation of use (Art. 4 Directive (EU) 2019/790).",
    ],
    [
      `${C5}:domain:pss:crit:pss-12`,
      "intersects",
      "The C5 criterion on the locations of data processing and storage asks for the same countries.",
    ],
    [`${C5}:domain:ops:crit:ops-09`, "intersects", "The C5 criterion on where backups are stored."],
    [
      `${ISO27}:annex-a:8.13`,
      "intersects",
      "The backup control covers backup copies and their location.",
    ],
    [
      `${ISO27}:annex-a:5.22`,
      "intersects",
      "Change management of supplier services covers announced model changes and retirements.",
    ],
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
      `${ISO42}:annex-a:a.8.2`,
      "intersects",
      "System documentation and information for users is what a model card provides.",
    ],
    [
      `${ISO42}:annex-a:a.8.3`,
      "intersects",
      "External reporting: no law requires public impact figures, the standard's control is the closest.",
    ],
    [
      `${ISO42}:annex-a:a.6.2.4`,
      "intersects",
      "Verification and validation of the AI system, here by an independent party.",
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
