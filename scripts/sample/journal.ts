/**
 * The sample's « Journal des dépenses »: realistic 2024 expenses of the Pas-de-Calais France
 * Travail convention (volets 1 and 2), from which `annexes fill` builds the volet 1/2/3 « Etat des
 * dépenses ». The seed has no actual expenses (its Annexe 3 is a blank model): these lines are
 * invented, sized on the plan de financement (2 ETP d'ingénierie, 35 000 € de SI, the fiches'
 * places), in whole euros like every sample figure. Two lines are planted for the EXP-* rules:
 * - a « Frais de déplacement » line, ineligible under FT art. 4.2 (frais de mission);
 * - an invoice dated 20/01/2025, outside the convention period (FT art. 2).
 * Every Montant is Nombre × coût unitaire (EXP-LINE finds nothing).
 */
import type { GridCell, GridSheet } from '../../src/layout/grid';
import { JOURNAL_HEADERS, JOURNAL_SHEET } from '../../src/layout/blank/blank-journal';

// The product's own journal layout (`annexes template`): the sample is typed in it.
export { JOURNAL_HEADERS, JOURNAL_SHEET };

export interface JournalLine {
  /** ISO date, or a period as typed (« janvier à décembre 2024 »). */
  date: string;
  volet: 1 | 2 | 3;
  section: string;
  nature: string;
  objet: string;
  unite: string;
  nombre: number;
  coutUnitaire: number;
  montant: number;
  fiche: string;
}

export const JOURNAL_LINES: JournalLine[] = [
  {
    date: '2024-12-31', volet: 1, section: 'Renforcement des équipes locales CD',
    nature: 'Rémunération chef de projet', objet: 'Chefferie de projet France Travail, feuille de route départementale',
    unite: 'mois', nombre: 12, coutUnitaire: 4250, montant: 51000, fiche: '2.1',
  },
  {
    date: '2024-12-31', volet: 1, section: 'Renforcement des équipes locales CD',
    nature: 'Rémunération chargée de déploiement', objet: 'Ingénierie : coordination des partenaires du réseau pour l’emploi',
    unite: 'mois', nombre: 12, coutUnitaire: 4000, montant: 48000, fiche: '2.1',
  },
  {
    date: '2024-06-12', volet: 1, section: 'Renforcement des équipes locales CD',
    nature: 'Frais de déplacement', objet: 'Comités de pilotage France Travail à Lille',
    unite: 'trajets', nombre: 18, coutUnitaire: 45, montant: 810, fiche: '2.1',
  },
  {
    date: '2024-10-15', volet: 1, section: 'Développement SI',
    nature: "Paramétrage SI en vue de l'interconnexion", objet: 'Interfaçage du SI insertion avec la plateforme France Travail',
    unite: 'jours', nombre: 25, coutUnitaire: 1200, montant: 30000, fiche: '2.1',
  },
  {
    date: 'janvier à décembre 2024', volet: 2, section: "Renforcement de l'accompagnement",
    nature: 'Rémunération CIP - accompagnement global', objet: '12 conseillers en insertion professionnelle',
    unite: 'ETP', nombre: 12, coutUnitaire: 46000, montant: 552000, fiche: '2.3',
  },
  {
    date: '2024-12-31', volet: 2, section: "Renforcement de l'accompagnement",
    nature: "Solutions d'accompagnement complémentaires", objet: "Pack inclusion renforcement de l'accompagnement",
    unite: 'places', nombre: 330, coutUnitaire: 2400, montant: 792000, fiche: '2.5',
  },
  {
    date: '2024-09-30', volet: 2, section: 'Remobilisation / entrée en parcours',
    nature: "Pack inclusion renforcé pour l'emploi", objet: 'Parcours de remobilisation (structures conventionnées)',
    unite: 'places', nombre: 240, coutUnitaire: 2490, montant: 597600, fiche: '2.6',
  },
  {
    date: '2024-11-29', volet: 2, section: 'Remobilisation / entrée en parcours',
    nature: "Pack inclusion renforcé pour l'emploi dans le bassin minier", objet: 'Parcours ERBM',
    unite: 'places', nombre: 30, coutUnitaire: 12000, montant: 360000, fiche: '2.7',
  },
  {
    date: '2024-07-01', volet: 2, section: 'Levée des freins sociaux',
    nature: 'Pack médiation insertion-santé', objet: 'Médiateurs santé (structures conventionnées)',
    unite: 'places', nombre: 1760, coutUnitaire: 400, montant: 704000, fiche: '2.2',
  },
  {
    date: '2025-01-20', volet: 2, section: 'Levée des freins sociaux',
    nature: 'Pack médiation insertion-santé', objet: 'Facture des ateliers santé de décembre',
    unite: 'forfait', nombre: 1, coutUnitaire: 5746, montant: 5746, fiche: '2.2',
  },
];

/** What the sample's TableWriter offers (structurally: build-sample imports this module). */
export interface JournalSheetWriter {
  row: number;
  readonly sheet: GridSheet;
  col(c: number): number;
  put(row: number, c: number, cell: GridCell): void;
  text(row: number, c: number, s: string | undefined): void;
  amount(row: number, c: number, a: number | undefined): void;
  headers(texts: string[]): void;
  gapAfter(index: number, count: number): void;
}

/** The journal sheet under the sample's layout variant: header, then one row per expense. */
export function buildJournalSheet(w: JournalSheetWriter): GridSheet {
  w.headers(JOURNAL_HEADERS);
  JOURNAL_LINES.forEach((e, i) => {
    const r = w.row;
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.date)) w.put(r, 1, { value: new Date(`${e.date}T00:00:00Z`), numFmt: 'dd/mm/yyyy' });
    else w.text(r, 1, e.date);
    w.put(r, 2, { value: e.volet });
    w.text(r, 3, e.section);
    w.text(r, 4, e.nature);
    w.text(r, 5, e.objet);
    w.text(r, 6, e.unite);
    w.put(r, 7, { value: e.nombre });
    w.amount(r, 8, e.coutUnitaire);
    w.amount(r, 9, e.montant);
    w.text(r, 10, e.fiche);
    w.row++;
    w.gapAfter(i, JOURNAL_LINES.length);
  });
  w.sheet.columnWidths = new Map([12, 8, 36, 44, 52, 10, 14, 16, 16, 12].map((width, i) => [w.col(i + 1), width]));
  return w.sheet;
}
