import { cellAddress, newSheet } from '../grid';
import { JOURNAL_SECTION_CHOICES } from '../fill/volet-sections';
import { AMOUNT_RULE, BlankSheet } from './sheet-setup';

/**
 * The « Journal des dépenses »: one row per actual expense, the source of the volet « Etat des
 * dépenses » that `annexes fill` builds. No formula: the Montant is what was paid, and EXP-LINE
 * checks it against Nombre × coût unitaire. « Maintenue au bilan (motif) »: left blank, an expense
 * EXP-INELIGIBLE or EXP-PERIOD flags is kept out of the bilan; a reason typed there keeps it in.
 */
export const JOURNAL_SHEET = 'Journal des dépenses';
export const JOURNAL_HEADERS = [
  'Date', 'Volet', 'Section', 'Nature de la dépense', 'Objet de la dépense', 'Unité', "Nombre d'unités", 'Coût unitaire', 'Montant', 'Fiche action',
  'Maintenue au bilan (motif)',
];
export const JOURNAL_ROWS = 300;

export function buildJournalSheet(year: number): BlankSheet {
  const s = new BlankSheet(newSheet(JOURNAL_SHEET));
  s.header(1, JOURNAL_HEADERS);
  // Only the header is styled: the rows below print once they are filled, not as 300 empty boxes.
  s.style(1, 1, JOURNAL_HEADERS.length, 'header');
  s.setup.orientation = 'landscape';
  s.setup.repeatRows = { first: 1, last: 1 };
  const [top, bottom] = [2, JOURNAL_ROWS + 1];
  const col = (c: number) => `${cellAddress(top, c)}:${cellAddress(bottom, c)}`;
  s.validate(col(1), {
    type: 'date',
    from: new Date(Date.UTC(year - 1, 0, 1)),
    to: new Date(Date.UTC(year + 1, 11, 31)),
    warnOnly: true,
    prompt: `Date de la dépense (jj/mm/aaaa), dans la période de la convention (${year}) ; une période peut être saisie en texte (« du 01/03/${year} au 31/08/${year} »).`,
  });
  s.validate(col(2), { type: 'list', choices: ['1', '2', '3'], prompt: 'Volet de la convention France Travail : 1, 2 ou 3.' });
  s.validate(col(3), { type: 'list', choices: JOURNAL_SECTION_CHOICES, prompt: 'Section de l’état des dépenses du volet.' });
  s.validate(col(7), { type: 'decimal', min: 0, prompt: "Nombre d'unités (nombre)." });
  s.validate(`${cellAddress(top, 8)}:${cellAddress(bottom, 9)}`, AMOUNT_RULE);
  s.setup.frozenRows = 1;
  s.widths([11, 7, 26, 32, 36, 9, 10, 13, 14, 8, 26]);
  return s;
}
