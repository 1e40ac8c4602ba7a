/**
 * ISO 3166-1 alpha-2: every officially assigned code with its English and German short name.
 * Written for Vetted (names follow common usage in each language, not a copied table).
 * Pure data and helpers: safe to import from the server, the browser and the scoring inputs.
 */
export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  en: string;
  de: string;
}

// [code, English, German]; kept sorted by code.
const ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ["AD", "Andorra", "Andorra"],
  ["AE", "United Arab Emirates", "Vereinigte Arabische Emirate"],
  ["AF", "Afghanistan", "Afghanistan"],
  ["AG", "Antigua and Barbuda", "Antigua und Barbuda"],
  ["AI", "Anguilla", "Anguilla"],
  ["AL", "Albania", "Albanien"],
  ["AM", "Armenia", "Armenien"],
  ["AO", "Angola", "Angola"],
  ["AQ", "Antarctica", "Antarktis"],
  ["AR", "Argentina", "Argentinien"],
  ["AS", "American Samoa", "Amerikanisch-Samoa"],
  ["AT", "Austria", "Österreich"],
  ["AU", "Australia", "Australien"],
  ["AW", "Aruba", "Aruba"],
  ["AX", "Åland Islands", "Ålandinseln"],
  ["AZ", "Azerbaijan", "Aserbaidschan"],
  ["BA", "Bosnia and Herzegovina", "Bosnien und Herzegowina"],
  ["BB", "Barbados", "Barbados"],
  ["BD", "Bangladesh", "Bangladesch"],
  ["BE", "Belgium", "Belgien"],
  ["BF", "Burkina Faso", "Burkina Faso"],
  ["BG", "Bulgaria", "Bulgarien"],
  ["BH", "Bahrain", "Bahrain"],
  ["BI", "Burundi", "Burundi"],
  ["BJ", "Benin", "Benin"],
  ["BL", "Saint Barthélemy", "Saint-Barthélemy"],
  ["BM", "Bermuda", "Bermuda"],
  ["BN", "Brunei Darussalam", "Brunei Darussalam"],
  ["BO", "Bolivia", "Bolivien"],
  ["BQ", "Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius und Saba"],
  ["BR", "Brazil", "Brasilien"],
  ["BS", "Bahamas", "Bahamas"],
  ["BT", "Bhutan", "Bhutan"],
  ["BV", "Bouvet Island", "Bouvetinsel"],
  ["BW", "Botswana", "Botsuana"],
  ["BY", "Belarus", "Belarus"],
  ["BZ", "Belize", "Belize"],
  ["CA", "Canada", "Kanada"],
  ["CC", "Cocos (Keeling) Islands", "Kokosinseln"],
  ["CD", "Congo (Democratic Republic)", "Kongo (Demokratische Republik)"],
  ["CF", "Central African Republic", "Zentralafrikanische Republik"],
  ["CG", "Congo (Republic)", "Kongo (Republik)"],
  ["CH", "Switzerland", "Schweiz"],
  ["CI", "Côte d'Ivoire", "Côte d'Ivoire"],
  ["CK", "Cook Islands", "Cookinseln"],
  ["CL", "Chile", "Chile"],
  ["CM", "Cameroon", "Kamerun"],
  ["CN", "China", "China"],
  ["CO", "Colombia", "Kolumbien"],
  ["CR", "Costa Rica", "Costa Rica"],
  ["CU", "Cuba", "Kuba"],
  ["CV", "Cabo Verde", "Cabo Verde"],
  ["CW", "Curaçao", "Curaçao"],
  ["CX", "Christmas Island", "Weihnachtsinsel"],
  ["CY", "Cyprus", "Zypern"],
  ["CZ", "Czechia", "Tschechien"],
  ["DE", "Germany", "Deutschland"],
  ["DJ", "Djibouti", "Dschibuti"],
  ["DK", "Denmark", "Dänemark"],
  ["DM", "Dominica", "Dominica"],
  ["DO", "Dominican Republic", "Dominikanische Republik"],
  ["DZ", "Algeria", "Algerien"],
  ["EC", "Ecuador", "Ecuador"],
  ["EE", "Estonia", "Estland"],
  ["EG", "Egypt", "Ägypten"],
  ["EH", "Western Sahara", "Westsahara"],
  ["ER", "Eritrea", "Eritrea"],
  ["ES", "Spain", "Spanien"],
  ["ET", "Ethiopia", "Äthiopien"],
  ["FI", "Finland", "Finnland"],
  ["FJ", "Fiji", "Fidschi"],
  ["FK", "Falkland Islands", "Falklandinseln"],
  ["FM", "Micronesia", "Mikronesien"],
  ["FO", "Faroe Islands", "Färöer"],
  ["FR", "France", "Frankreich"],
  ["GA", "Gabon", "Gabun"],
  ["GB", "United Kingdom", "Vereinigtes Königreich"],
  ["GD", "Grenada", "Grenada"],
  ["GE", "Georgia", "Georgien"],
  ["GF", "French Guiana", "Französisch-Guayana"],
  ["GG", "Guernsey", "Guernsey"],
  ["GH", "Ghana", "Ghana"],
  ["GI", "Gibraltar", "Gibraltar"],
  ["GL", "Greenland", "Grönland"],
  ["GM", "Gambia", "Gambia"],
  ["GN", "Guinea", "Guinea"],
  ["GP", "Guadeloupe", "Guadeloupe"],
  ["GQ", "Equatorial Guinea", "Äquatorialguinea"],
  ["GR", "Greece", "Griechenland"],
  [
    "GS",
    "South Georgia and the South Sandwich Islands",
    "Südgeorgien und die Südlichen Sandwichinseln",
  ],
  ["GT", "Guatemala", "Guatemala"],
  ["GU", "Guam", "Guam"],
  ["GW", "Guinea-Bissau", "Guinea-Bissau"],
  ["GY", "Guyana", "Guyana"],
  ["HK", "Hong Kong", "Hongkong"],
  ["HM", "Heard Island and McDonald Islands", "Heard und McDonaldinseln"],
  ["HN", "Honduras", "Honduras"],
  ["HR", "Croatia", "Kroatien"],
  ["HT", "Haiti", "Haiti"],
  ["HU", "Hungary", "Ungarn"],
  ["ID", "Indonesia", "Indonesien"],
  ["IE", "Ireland", "Irland"],
  ["IL", "Israel", "Israel"],
  ["IM", "Isle of Man", "Isle of Man"],
  ["IN", "India", "Indien"],
  ["IO", "British Indian Ocean Territory", "Britisches Territorium im Indischen Ozean"],
  ["IQ", "Iraq", "Irak"],
  ["IR", "Iran", "Iran"],
  ["IS", "Iceland", "Island"],
  ["IT", "Italy", "Italien"],
  ["JE", "Jersey", "Jersey"],
  ["JM", "Jamaica", "Jamaika"],
  ["JO", "Jordan", "Jordanien"],
  ["JP", "Japan", "Japan"],
  ["KE", "Kenya", "Kenia"],
  ["KG", "Kyrgyzstan", "Kirgisistan"],
  ["KH", "Cambodia", "Kambodscha"],
  ["KI", "Kiribati", "Kiribati"],
  ["KM", "Comoros", "Komoren"],
  ["KN", "Saint Kitts and Nevis", "St. Kitts und Nevis"],
  ["KP", "North Korea", "Nordkorea"],
  ["KR", "South Korea", "Südkorea"],
  ["KW", "Kuwait", "Kuwait"],
  ["KY", "Cayman Islands", "Kaimaninseln"],
  ["KZ", "Kazakhstan", "Kasachstan"],
  ["LA", "Laos", "Laos"],
  ["LB", "Lebanon", "Libanon"],
  ["LC", "Saint Lucia", "St. Lucia"],
  ["LI", "Liechtenstein", "Liechtenstein"],
  ["LK", "Sri Lanka", "Sri Lanka"],
  ["LR", "Liberia", "Liberia"],
  ["LS", "Lesotho", "Lesotho"],
  ["LT", "Lithuania", "Litauen"],
  ["LU", "Luxembourg", "Luxemburg"],
  ["LV", "Latvia", "Lettland"],
  ["LY", "Libya", "Libyen"],
  ["MA", "Morocco", "Marokko"],
  ["MC", "Monaco", "Monaco"],
  ["MD", "Moldova", "Moldau"],
  ["ME", "Montenegro", "Montenegro"],
  ["MF", "Saint Martin (French part)", "Saint-Martin (französischer Teil)"],
  ["MG", "Madagascar", "Madagaskar"],
  ["MH", "Marshall Islands", "Marshallinseln"],
  ["MK", "North Macedonia", "Nordmazedonien"],
  ["ML", "Mali", "Mali"],
  ["MM", "Myanmar", "Myanmar"],
  ["MN", "Mongolia", "Mongolei"],
  ["MO", "Macao", "Macau"],
  ["MP", "Northern Mariana Islands", "Nördliche Marianen"],
  ["MQ", "Martinique", "Martinique"],
  ["MR", "Mauritania", "Mauretanien"],
  ["MS", "Montserrat", "Montserrat"],
  ["MT", "Malta", "Malta"],
  ["MU", "Mauritius", "Mauritius"],
  ["MV", "Maldives", "Malediven"],
  ["MW", "Malawi", "Malawi"],
  ["MX", "Mexico", "Mexiko"],
  ["MY", "Malaysia", "Malaysia"],
  ["MZ", "Mozambique", "Mosambik"],
  ["NA", "Namibia", "Namibia"],
  ["NC", "New Caledonia", "Neukaledonien"],
  ["NE", "Niger", "Niger"],
  ["NF", "Norfolk Island", "Norfolkinsel"],
  ["NG", "Nigeria", "Nigeria"],
  ["NI", "Nicaragua", "Nicaragua"],
  ["NL", "Netherlands", "Niederlande"],
  ["NO", "Norway", "Norwegen"],
  ["NP", "Nepal", "Nepal"],
  ["NR", "Nauru", "Nauru"],
  ["NU", "Niue", "Niue"],
  ["NZ", "New Zealand", "Neuseeland"],
  ["OM", "Oman", "Oman"],
  ["PA", "Panama", "Panama"],
  ["PE", "Peru", "Peru"],
  ["PF", "French Polynesia", "Französisch-Polynesien"],
  ["PG", "Papua New Guinea", "Papua-Neuguinea"],
  ["PH", "Philippines", "Philippinen"],
  ["PK", "Pakistan", "Pakistan"],
  ["PL", "Poland", "Polen"],
  ["PM", "Saint Pierre and Miquelon", "Saint-Pierre und Miquelon"],
  ["PN", "Pitcairn Islands", "Pitcairninseln"],
  ["PR", "Puerto Rico", "Puerto Rico"],
  ["PS", "Palestine", "Palästina"],
  ["PT", "Portugal", "Portugal"],
  ["PW", "Palau", "Palau"],
  ["PY", "Paraguay", "Paraguay"],
  ["QA", "Qatar", "Katar"],
  ["RE", "Réunion", "Réunion"],
  ["RO", "Romania", "Rumänien"],
  ["RS", "Serbia", "Serbien"],
  ["RU", "Russia", "Russland"],
  ["RW", "Rwanda", "Ruanda"],
  ["SA", "Saudi Arabia", "Saudi-Arabien"],
  ["SB", "Solomon Islands", "Salomonen"],
  ["SC", "Seychelles", "Seychellen"],
  ["SD", "Sudan", "Sudan"],
  ["SE", "Sweden", "Schweden"],
  ["SG", "Singapore", "Singapur"],
  [
    "SH",
    "Saint Helena, Ascension and Tristan da Cunha",
    "St. Helena, Ascension und Tristan da Cunha",
  ],
  ["SI", "Slovenia", "Slowenien"],
  ["SJ", "Svalbard and Jan Mayen", "Svalbard und Jan Mayen"],
  ["SK", "Slovakia", "Slowakei"],
  ["SL", "Sierra Leone", "Sierra Leone"],
  ["SM", "San Marino", "San Marino"],
  ["SN", "Senegal", "Senegal"],
  ["SO", "Somalia", "Somalia"],
  ["SR", "Suriname", "Suriname"],
  ["SS", "South Sudan", "Südsudan"],
  ["ST", "São Tomé and Príncipe", "São Tomé und Príncipe"],
  ["SV", "El Salvador", "El Salvador"],
  ["SX", "Sint Maarten (Dutch part)", "Sint Maarten (niederländischer Teil)"],
  ["SY", "Syria", "Syrien"],
  ["SZ", "Eswatini", "Eswatini"],
  ["TC", "Turks and Caicos Islands", "Turks- und Caicosinseln"],
  ["TD", "Chad", "Tschad"],
  ["TF", "French Southern Territories", "Französische Süd- und Antarktisgebiete"],
  ["TG", "Togo", "Togo"],
  ["TH", "Thailand", "Thailand"],
  ["TJ", "Tajikistan", "Tadschikistan"],
  ["TK", "Tokelau", "Tokelau"],
  ["TL", "Timor-Leste", "Timor-Leste"],
  ["TM", "Turkmenistan", "Turkmenistan"],
  ["TN", "Tunisia", "Tunesien"],
  ["TO", "Tonga", "Tonga"],
  ["TR", "Türkiye", "Türkei"],
  ["TT", "Trinidad and Tobago", "Trinidad und Tobago"],
  ["TV", "Tuvalu", "Tuvalu"],
  ["TW", "Taiwan", "Taiwan"],
  ["TZ", "Tanzania", "Tansania"],
  ["UA", "Ukraine", "Ukraine"],
  ["UG", "Uganda", "Uganda"],
  ["UM", "United States Minor Outlying Islands", "Kleinere Amerikanische Überseeinseln"],
  ["US", "United States", "Vereinigte Staaten"],
  ["UY", "Uruguay", "Uruguay"],
  ["UZ", "Uzbekistan", "Usbekistan"],
  ["VA", "Vatican City", "Vatikanstadt"],
  ["VC", "Saint Vincent and the Grenadines", "St. Vincent und die Grenadinen"],
  ["VE", "Venezuela", "Venezuela"],
  ["VG", "British Virgin Islands", "Britische Jungferninseln"],
  ["VI", "United States Virgin Islands", "Amerikanische Jungferninseln"],
  ["VN", "Vietnam", "Vietnam"],
  ["VU", "Vanuatu", "Vanuatu"],
  ["WF", "Wallis and Futuna", "Wallis und Futuna"],
  ["WS", "Samoa", "Samoa"],
  ["YE", "Yemen", "Jemen"],
  ["YT", "Mayotte", "Mayotte"],
  ["ZA", "South Africa", "Südafrika"],
  ["ZM", "Zambia", "Sambia"],
  ["ZW", "Zimbabwe", "Simbabwe"],
];

export const COUNTRIES: readonly Country[] = ROWS.map(([code, en, de]) => ({ code, en, de }));

const BY_CODE: ReadonlyMap<string, Country> = new Map(
  COUNTRIES.map((country) => [country.code, country]),
);

export const COUNTRY_CODES: readonly string[] = COUNTRIES.map((country) => country.code);

/**
 * EU-27 member states plus the three EEA-EFTA states (Iceland, Liechtenstein, Norway): the area
 * in which the GDPR applies directly. ISO codes (Greece is GR, not Eurostat's EL).
 * countries.test.ts checks this list against the shared Eurostat/EUR-Lex reference file.
 */
export const EU_MEMBER_CODES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;
export const EEA_EFTA_CODES = ["IS", "LI", "NO"] as const;

/** The 30 EU/EEA states themselves (the shared Eurostat/EUR-Lex reference file lists these). */
export const EU_EEA_STATE_CODES: readonly string[] = [...EU_MEMBER_CODES, ...EEA_EFTA_CODES].sort();

/**
 * Parts of member states with an ISO code of their own in which EU law, the GDPR included,
 * applies: the outermost regions of Art. 355(1) TFEU with their own code (French Guiana,
 * Guadeloupe, Martinique, Réunion, Mayotte, Saint-Martin) and the Åland Islands (Art. 355(4)
 * TFEU). Data there are in the EU (issue 21 item 7). Not listed, because EU law does not apply
 * there as a whole: Svalbard and Jan Mayen (SJ), Greenland (GL), Saint-Barthélemy (BL), Saint
 * Pierre and Miquelon (PM) and Gibraltar (GI, outside the EU since 2020).
 */
export const EU_TERRITORY_CODES = ["AX", "GF", "GP", "MF", "MQ", "RE", "YT"] as const;

/** Every code whose data are inside the EU/EEA: the 30 states and the EU territories above. */
export const EU_EEA_CODES: readonly string[] = [
  ...EU_EEA_STATE_CODES,
  ...EU_TERRITORY_CODES,
].sort();

const EU_EEA = new Set(EU_EEA_CODES);

export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** Whether personal data in this country is inside the EU/EEA (case-insensitive code). */
export function isEuEea(code: string): boolean {
  return EU_EEA.has(code.toUpperCase());
}

export function findCountry(code: string): Country | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** Display name in the given language; an unknown code is shown as-is. */
export function countryName(code: string, locale: "en" | "de"): string {
  const country = findCountry(code);
  return country ? country[locale] : code;
}

/** Countries sorted by their name in one language (for select lists). */
export function countriesSortedByName(locale: "en" | "de"): Country[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return [...COUNTRIES].sort((a, b) => collator.compare(a[locale], b[locale]));
}
