import type { Heading } from "./provision-headings";

// Provisions of GDPR, NIS2, DORA and the Data Act that the bundled templates refer to (issue 14
// item 4), as headings: the titles summarise the provision, the law's text stays on EUR-Lex.

export const GDPR_REFERENCED: Heading[] = [
  [
    "art:4:par:5",
    "Art. 4(5)",
    "Definition of pseudonymisation",
    "Begriffsbestimmung der Pseudonymisierung",
  ],
  ["art:5:par:1:pt:b", "Art. 5(1)(b)", "Purpose limitation", "Zweckbindung"],
  ["art:5:par:1:pt:c", "Art. 5(1)(c)", "Data minimisation", "Datenminimierung"],
  ["art:5:par:1:pt:e", "Art. 5(1)(e)", "Storage limitation", "Speicherbegrenzung"],
  [
    "art:12:par:3",
    "Art. 12(3)",
    "Information on action taken on a request within one month",
    "Information über ergriffene Maßnahmen binnen eines Monats",
  ],
  [
    "art:13",
    "Art. 13",
    "Information to be provided where data are collected from the data subject",
    "Informationspflicht bei Erhebung bei der betroffenen Person",
  ],
  [
    "art:13:par:1:pt:f",
    "Art. 13(1)(f)",
    "Information on an intended transfer to a third country",
    "Information über eine beabsichtigte Übermittlung in ein Drittland",
  ],
  [
    "art:13:par:2:pt:f",
    "Art. 13(2)(f)",
    "Information on automated decision-making, including profiling",
    "Information über automatisierte Entscheidungsfindung einschließlich Profiling",
  ],
  [
    "art:15",
    "Art. 15",
    "Right of access by the data subject",
    "Auskunftsrecht der betroffenen Person",
  ],
  [
    "art:15:par:1:pt:h",
    "Art. 15(1)(h)",
    "Access to information on automated decision-making",
    "Auskunft über automatisierte Entscheidungsfindung",
  ],
  ["art:17", "Art. 17", "Right to erasure", "Recht auf Löschung"],
  ["art:21", "Art. 21", "Right to object", "Widerspruchsrecht"],
  [
    "art:22",
    "Art. 22",
    "Automated individual decision-making, including profiling",
    "Automatisierte Entscheidungen im Einzelfall einschließlich Profiling",
  ],
  [
    "art:25",
    "Art. 25",
    "Data protection by design and by default",
    "Datenschutz durch Technikgestaltung und datenschutzfreundliche Voreinstellungen",
  ],
  [
    "art:27",
    "Art. 27",
    "Representatives of controllers or processors not established in the Union",
    "Vertreter von nicht in der Union niedergelassenen Verantwortlichen oder Auftragsverarbeitern",
  ],
  [
    "art:28:par:1",
    "Art. 28(1)",
    "Only processors providing sufficient guarantees",
    "Nur Auftragsverarbeiter mit hinreichenden Garantien",
  ],
  [
    "art:28:par:2",
    "Art. 28(2)",
    "Engaging another processor only with prior authorisation",
    "Weitere Auftragsverarbeiter nur mit vorheriger Genehmigung",
  ],
  [
    "art:28:par:3",
    "Art. 28(3)",
    "Contract or legal act governing the processing",
    "Vertrag oder Rechtsinstrument über die Verarbeitung",
  ],
  [
    "art:28:par:3:pt:a",
    "Art. 28(3)(a)",
    "Processing only on documented instructions",
    "Verarbeitung nur auf dokumentierte Weisung",
  ],
  [
    "art:28:par:3:pt:b",
    "Art. 28(3)(b)",
    "Confidentiality of authorised persons",
    "Vertraulichkeit der befugten Personen",
  ],
  [
    "art:28:par:3:pt:e",
    "Art. 28(3)(e)",
    "Assisting with data subjects' requests",
    "Unterstützung bei Anträgen betroffener Personen",
  ],
  [
    "art:28:par:3:pt:f",
    "Art. 28(3)(f)",
    "Assisting with Arts. 32 to 36 (security, breaches, DPIA)",
    "Unterstützung bei Art. 32 bis 36 (Sicherheit, Verletzungen, DSFA)",
  ],
  [
    "art:28:par:3:pt:g",
    "Art. 28(3)(g)",
    "Deletion or return of data at the end of the services",
    "Löschung oder Rückgabe der Daten nach Ende der Leistungen",
  ],
  [
    "art:28:par:3:pt:h",
    "Art. 28(3)(h)",
    "Information for compliance and audits, including inspections",
    "Informationen zum Nachweis und Überprüfungen einschließlich Inspektionen",
  ],
  [
    "art:28:par:4",
    "Art. 28(4)",
    "Same obligations for sub-processors",
    "Gleiche Pflichten für Unterauftragsverarbeiter",
  ],
  [
    "art:28:par:9",
    "Art. 28(9)",
    "Contract in writing, including electronic form",
    "Vertrag in Schriftform, auch elektronisch",
  ],
  [
    "art:28:par:10",
    "Art. 28(10)",
    "A processor determining purposes and means is a controller",
    "Auftragsverarbeiter, der Zwecke und Mittel bestimmt, gilt als Verantwortlicher",
  ],
  [
    "art:29",
    "Art. 29",
    "Processing under the authority of the controller or processor",
    "Verarbeitung unter der Aufsicht des Verantwortlichen oder des Auftragsverarbeiters",
  ],
  ["art:32", "Art. 32", "Security of processing", "Sicherheit der Verarbeitung"],
  [
    "art:32:par:1:pt:d",
    "Art. 32(1)(d)",
    "Regular testing and evaluation of security measures",
    "Regelmäßige Überprüfung und Bewertung der Sicherheitsmaßnahmen",
  ],
  [
    "art:32:par:4",
    "Art. 32(4)",
    "Persons with access act only on instructions",
    "Personen mit Zugang handeln nur auf Anweisung",
  ],
  [
    "art:33",
    "Art. 33",
    "Notification of a personal data breach to the supervisory authority",
    "Meldung von Verletzungen des Schutzes personenbezogener Daten an die Aufsichtsbehörde",
  ],
  [
    "art:33:par:2",
    "Art. 33(2)",
    "Processor notifies the controller without undue delay",
    "Auftragsverarbeiter meldet dem Verantwortlichen unverzüglich",
  ],
  [
    "art:33:par:5",
    "Art. 33(5)",
    "Documentation of personal data breaches",
    "Dokumentation von Datenschutzverletzungen",
  ],
  ["art:35", "Art. 35", "Data protection impact assessment", "Datenschutz-Folgenabschätzung"],
  [
    "art:37",
    "Art. 37",
    "Designation of the data protection officer",
    "Benennung eines Datenschutzbeauftragten",
  ],
  ["art:42", "Art. 42", "Certification", "Zertifizierung"],
  [
    "art:44",
    "Art. 44",
    "General principle for transfers",
    "Allgemeine Grundsätze der Datenübermittlung",
  ],
  ["art:47", "Art. 47", "Binding corporate rules", "Verbindliche interne Datenschutzvorschriften"],
  [
    "art:48",
    "Art. 48",
    "Transfers or disclosures not authorised by Union law",
    "Nach dem Unionsrecht nicht zulässige Übermittlung oder Offenlegung",
  ],
  ["art:49", "Art. 49", "Derogations for specific situations", "Ausnahmen für bestimmte Fälle"],
  [
    "art:32:par:1:pt:c",
    "Art. 32(1)(c)",
    "Ability to restore availability and access to data in a timely manner after an incident",
    "Fähigkeit, Verfügbarkeit und Zugang zu den Daten nach einem Zwischenfall rasch wiederherzustellen",
  ],
];

export const NIS2_REFERENCED: Heading[] = [
  ["art:3", "Art. 3", "Essential and important entities", "Wesentliche und wichtige Einrichtungen"],
  [
    "art:12",
    "Art. 12",
    "Coordinated vulnerability disclosure and a European vulnerability database",
    "Koordinierte Offenlegung von Schwachstellen und europäische Schwachstellendatenbank",
  ],
  [
    "art:21",
    "Art. 21",
    "Cybersecurity risk-management measures",
    "Risikomanagementmaßnahmen im Bereich der Cybersicherheit",
  ],
  [
    "art:21:par:2:pt:b",
    "Art. 21(2)(b)",
    "Incident handling",
    "Bewältigung von Sicherheitsvorfällen",
  ],
  [
    "art:21:par:2:pt:c",
    "Art. 21(2)(c)",
    "Business continuity, backup management, disaster recovery and crisis management",
    "Aufrechterhaltung des Betriebs, Backup-Management, Wiederherstellung nach einem Notfall und Krisenmanagement",
  ],
  ["art:21:par:2:pt:d", "Art. 21(2)(d)", "Supply chain security", "Sicherheit der Lieferkette"],
  [
    "art:21:par:2:pt:e",
    "Art. 21(2)(e)",
    "Security in acquisition, development and maintenance, incl. vulnerability handling",
    "Sicherheit bei Erwerb, Entwicklung und Wartung einschließlich Umgang mit Schwachstellen",
  ],
  [
    "art:21:par:2:pt:f",
    "Art. 21(2)(f)",
    "Assessing the effectiveness of risk-management measures",
    "Bewertung der Wirksamkeit von Risikomanagementmaßnahmen",
  ],
  [
    "art:21:par:2:pt:g",
    "Art. 21(2)(g)",
    "Basic cyber hygiene and cybersecurity training",
    "Grundlegende Cyberhygiene und Schulungen zur Cybersicherheit",
  ],
  [
    "art:21:par:2:pt:h",
    "Art. 21(2)(h)",
    "Cryptography and encryption",
    "Kryptografie und Verschlüsselung",
  ],
  [
    "art:21:par:2:pt:i",
    "Art. 21(2)(i)",
    "Human resources security, access control and asset management",
    "Sicherheit des Personals, Zugriffskontrolle und Management von Anlagen",
  ],
  [
    "art:21:par:2:pt:j",
    "Art. 21(2)(j)",
    "Multi-factor authentication and secured communications",
    "Multi-Faktor-Authentifizierung und gesicherte Kommunikation",
  ],
  ["art:23", "Art. 23", "Reporting obligations", "Berichtspflichten"],
];

export const DORA_REFERENCED: Heading[] = [
  [
    "art:12",
    "Art. 12",
    "Backup policies, restoration and recovery procedures",
    "Backup-Richtlinien, Wiederherstellungsverfahren und -methoden",
  ],
  ["art:25", "Art. 25", "Testing of ICT tools and systems", "Testen von IKT-Tools und -Systemen"],
  [
    "art:28",
    "Art. 28",
    "General principles of ICT third-party risk management",
    "Allgemeine Prinzipien des IKT-Drittparteienrisikomanagements",
  ],
  [
    "art:28:par:8",
    "Art. 28(8)",
    "Exit strategies for ICT services supporting critical or important functions",
    "Ausstiegsstrategien für IKT-Dienstleistungen zur Unterstützung kritischer oder wichtiger Funktionen",
  ],
  ["art:30", "Art. 30", "Key contractual provisions", "Wesentliche Vertragsbestimmungen"],
  [
    "art:30:par:2:pt:b",
    "Art. 30(2)(b)",
    "Locations where services are provided and data processed and stored",
    "Standorte der Leistungserbringung sowie der Verarbeitung und Speicherung von Daten",
  ],
  [
    "art:30:par:2:pt:f",
    "Art. 30(2)(f)",
    "Assistance in ICT incidents at no or pre-agreed cost",
    "Unterstützung bei IKT-Vorfällen ohne oder zu vorab festgelegten Kosten",
  ],
  [
    "art:30:par:3:pt:c",
    "Art. 30(3)(c)",
    "Business contingency plans and ICT security measures",
    "Notfallpläne und IKT-Sicherheitsmaßnahmen",
  ],
];

export const DATA_ACT_REFERENCED: Heading[] = [
  [
    "art:25",
    "Art. 25",
    "Contractual terms concerning switching",
    "Vertragsbedingungen für den Wechsel",
  ],
  [
    "art:32",
    "Art. 32",
    "International governmental access to and transfer of non-personal data",
    "Internationaler staatlicher Zugang zu und Übertragung von nicht personenbezogenen Daten",
  ],
  [
    "art:1:par:2:pt:f",
    "Art. 1(2)(f)",
    "Scope: Chapter VII applies to non-personal data held in the Union by data processing service providers",
    "Anwendungsbereich: Kapitel VII gilt für nicht personenbezogene Daten, die Anbieter von Datenverarbeitungsdiensten in der Union speichern",
  ],
  [
    "art:28:par:1:pt:a",
    "Art. 28(1)(a)",
    "Providers publish the jurisdiction of the ICT infrastructure deployed for data processing",
    "Anbieter veröffentlichen die Rechtsordnung, der die für die Datenverarbeitung eingesetzte IKT-Infrastruktur unterliegt",
  ],
];
