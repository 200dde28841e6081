import { DERIVATIONS } from '../../domain/derivations';
import type { TableKind } from '../../domain/table';
import { cellAddress, newSheet } from '../grid';
import { AMOUNT_FORMAT, signedSum } from '../fill/formula-text';
import { AMOUNT_RULE, BlankSheet } from './sheet-setup';

/**
 * The three CLS « Tableau financier » blocks of year n (CLS annexe 3), one per sheet so each keeps
 * its header frozen: prévisionnel n, exécution n, récapitulatif n / prévisionnel n+1. Headers as
 * in the national model, except K, printed « (G+I) » there and written « (G+J) » here, the
 * definition the engine applies. Rows: the CLS axes 1, 3 and 4 (axe 2, emploi, is the France
 * Travail convention), ACTIONS_PER_AXE blank action rows each, a Sous total per axe, TOTAUX
 * FINANCIERS. Derived cells are formulas (the totals come from planDerivedFormulas).
 */
export const ACTIONS_PER_AXE = 6;
const AXES = [
  'Axe 1 – Prévenir la pauvreté et lutter contre les inégalités dès l’enfance',
  'Axe 3 – Lutter contre la grande exclusion grâce à l’accès aux droits',
  'Axe 4 – Construire une transition écologique solidaire',
];
const TITLE = 'TABLEAU FINANCIER DU CONTRAT LOCAL DES SOLIDARITÉS';
const RECAP_TITLE = 'TABLEAU FINANCIER RÉCAPITULATIF DU CONTRAT LOCAL DES SOLIDARITÉS';

interface BlockSpec {
  kind: Extract<TableKind, 'cls-forecast' | 'cls-execution' | 'cls-recap'>;
  sheet: string;
  title: string;
  subtitle: string;
  labels: string[];
  /** Amount columns: key, header, letter printed above. */
  amounts: [string, string, string][];
}

export function clsBlockSpecs(n: number): BlockSpec[] {
  const labels = ['Axes de la contractualisation', 'Fiche action N°', 'Intitulé de l’action'];
  return [
    {
      kind: 'cls-forecast', sheet: `Tableau financier prév. ${n}`, title: TITLE, subtitle: `Prévisionnel Année ${n}`, labels,
      amounts: [
        ['stateNotified', `Participation État notifiée pour la convention ${n}`, 'A'],
        ['cdAllocated', `Crédits CD affectés pour la convention ${n}`, 'B'],
        ['otherFunders', "Participation d'autres financeurs le cas échéant", 'C'],
        ['totalBudget', `Budget global de l'action prévu en ${n} (A+B+C)`, 'F'],
      ],
    },
    {
      kind: 'cls-execution', sheet: `Tableau financier exéc. ${n}`, title: TITLE, subtitle: `Exécution budgétaire ${n} à fournir au bilan`, labels,
      amounts: [
        ['statePaid', `Crédits État versés en ${n}`, ''],
        ['stateSpent', `Montant État réalisé au 31/12/${n}`, 'A'],
        ['stateUnspent', `Crédits État ${n} non consommés en ${n}`, 'B'],
        ['cdSpent', `Montant CD réalisé au 31/12/${n}`, 'C'],
        ['totalSpent', `Montant total réalisé au 31/12/${n} (A+C)`, ''],
        ['carryOverState', `Montant à reporter en ${n + 1} - Part État`, ''],
        ['carryOverCd', `Montant à reporter en ${n + 1} - Part CD`, ''],
      ],
    },
    {
      kind: 'cls-recap', sheet: `Tableau financier récap. ${n}`, title: RECAP_TITLE, subtitle: `Prévisionnel Année ${n + 1}`,
      labels: ['Axes de la contractualisation', 'Imputation chorus (code chorus - description longue)', 'Fiche action N°', 'Intitulé de l’action'],
      amounts: [
        ['statePaid', `Crédits État versés en ${n}`, 'A'],
        ['stateUnspent', `Crédits État ${n} non consommés`, 'B'],
        ['cdAllocated', `Crédits CD affectés en ${n}`, 'C'],
        ['cdUnspent', `Crédits CD ${n} non consommés`, 'D'],
        ['otherFunders', "Participation d'autres financeurs le cas échéant", 'E'],
        ['totalSpent', `Montant total réalisé au 31/12/${n}`, ''],
        ['carryOverState', `Montant à reporter en ${n + 1} - Part État`, 'F'],
        ['carryOverCd', `Montant à reporter en ${n + 1} - Part CD`, 'G'],
        ['stateNotifiedNext', `Participation État notifiée pour la convention ${n + 1}`, 'H'],
        ['stateBudgetNext', `Budget total État prévu pour ${n + 1} (F+H)`, 'I'],
        ['cdAllocatedNext', `Crédits CD affectés pour la convention ${n + 1}`, 'J'],
        ['cdBudgetNext', `Budget total CD prévu pour ${n + 1} (G+J)`, 'K'],
        ['otherFundersNext', `Participation d'autres financeurs le cas échéant pour ${n + 1}`, 'L'],
        ['totalBudgetNext', `Budget global de l'action prévu en ${n + 1} (I+K+L)`, 'M'],
      ],
    },
  ];
}

export function buildClsSheets(n: number): BlankSheet[] {
  return clsBlockSpecs(n).map(buildBlock);
}

function buildBlock(spec: BlockSpec): BlankSheet {
  const s = new BlankSheet(newSheet(spec.sheet));
  const first = spec.labels.length + 1;
  const last = first + spec.amounts.length - 1;
  const colOf = new Map(spec.amounts.map(([key], i) => [key, first + i]));
  s.header(1, [spec.title]);
  s.style(1, 1, last, 'title');
  s.header(2, [spec.subtitle]);
  s.style(2, 1, last, 'subtitle');
  s.sheet.merges.push({ top: 1, bottom: 1, left: 1, right: last }, { top: 2, bottom: 2, left: 1, right: first - 1 });
  s.header(3, spec.amounts.map(([, , letter]) => letter), first);
  s.style(3, first, last, 'header');
  s.header(4, [...spec.labels, ...spec.amounts.map(([, h]) => h)]);
  s.style(4, 1, last, 'header');
  let r = 5;
  const top = r;
  for (const axe of AXES) {
    const axeTop = r;
    for (let i = 0; i < ACTIONS_PER_AXE; i++, r++) {
      for (const d of DERIVATIONS[spec.kind]) {
        s.formula(r, colOf.get(d.target) as number, signedSum(r, d.terms.map((t) => ({ col: colOf.get(t.key) as number, sign: t.sign }))), AMOUNT_FORMAT);
      }
      s.style(r, 1, last, 'cell');
    }
    s.text(axeTop, 1, axe);
    s.sheet.merges.push({ top: axeTop, bottom: r - 1, left: 1, right: 1 });
    s.style(axeTop, 1, 1, 'group');
    s.text(r, 1, 'Sous total');
    s.style(r, 1, last, 'subtotal');
    s.setup.lockedRows.push(r++);
  }
  s.text(r, 1, 'TOTAUX FINANCIERS');
  s.style(r, 1, last, 'total');
  s.setup.lockedRows.push(r);
  s.setup.orientation = 'landscape';
  s.setup.repeatRows = { first: 3, last: 4 };
  s.validate(`${cellAddress(top, first)}:${cellAddress(r, last)}`, AMOUNT_RULE);
  s.setup.frozenRows = 4;
  s.setup.frozenCols = spec.labels.length;
  s.widths([...spec.labels.map((_, i) => (i === spec.labels.length - 1 ? 34 : i === 0 ? 24 : 10)), ...spec.amounts.map(() => 15)]);
  return s;
}
