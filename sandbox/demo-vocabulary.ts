/**
 * Words the demo data is made of: a Dutch company's colleagues, suppliers and debtors. Some names
 * carry `&`, `'` and `"` on purpose, so every renderer downstream meets text that needs escaping.
 */
export const COLLEAGUES: readonly string[] = [
  'Anouk Vermeulen', 'Bram de Boer', 'Daan Mulder', 'Eva de Graaf', 'Femke Kok', 'Hugo Peters',
  'Iris van Leeuwen', 'Joost Hendriks', 'Kim Dekker', 'Lars Brouwer', 'Maud van Dijk', 'Noah Willems',
  'Olivier Smits', 'Roos van der Meer', 'Sem Jacobs', 'Tess Koster', 'Yara Bos', 'Zoë de Wit',
  "Anne-Fleur 't Hooft", 'Ömer Yilmaz',
];

export const SUPPLIERS: readonly string[] = [
  'Van Dijk & Zn. Installatietechniek', 'Kantoorvakhandel De Pen B.V.', 'KPN Zakelijk', 'Eneco Zakelijk',
  "Schoonmaakbedrijf 't Blinkt", 'Heijmans Facilitair', 'Drukkerij Peeters & Co', 'IT-Partners Utrecht B.V.',
];

export const DEBTORS: readonly string[] = [
  'Bouwbedrijf Jansen B.V.', 'Hoveniersbedrijf De Linde', 'Café-Restaurant "Het Wapen"', 'Transportbedrijf Van Rijn & Co',
  'Tandartspraktijk Smile', 'Autobedrijf Meijer V.O.F.',
];

export const LEASE_CARS: readonly string[] = [
  'Volkswagen ID.4', 'Kia EV6', 'Tesla Model 3', 'Škoda Enyaq', 'Peugeot e-308 SW', 'BMW i4', 'Hyundai Ioniq 5',
];

export const COURSES: readonly string[] = [
  'Excel voor gevorderden', 'Leidinggeven in de praktijk', 'BHV-herhaling', 'Scrum Master (PSM I)', 'AVG-basistraining',
];

export const EXPENSE_KINDS: readonly string[] = ['reiskosten', 'representatiekosten', 'thuiswerkvergoeding', 'cursusmateriaal', 'parkeerkosten'];

export const MONTHS_NL: readonly string[] = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/** The sender of signals Profit raises by itself. */
export const PROFIT_SENDER = 'AFAS Profit';

const euroFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `€ 1.234,50`, as Dutch text shows an amount; the space is a no-break space, so a line never ends after the euro sign. */
export function euro(amount: number): string {
  return `€\u00a0${euroFormat.format(amount)}`;
}
