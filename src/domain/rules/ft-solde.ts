import { frenchDate } from '../dates';
import type { CellRef } from '../finding';
import { type FtBilan, cellList, computeFtBilan } from '../ft-bilan';
import { formatEuro, formatPercent } from '../money';
import type { Rule } from './rule';
import { findingAt } from './report';

/**
 * FT art. 6: « une avance de 2 556 535.20 € soit 60% du montant prévisionnel … à la signature …,
 * un versement du solde … suivant la production du bilan final » ; « en cas de trop-perçu, les
 * montants indus sont remboursés à l'Etat lors de la production du bilan final ». The bilan as the
 * engine computes it (src/domain/ft-bilan.ts: the readings are there): the State contribution
 * retained, the advance, and the balance the State pays or the overpayment the Département
 * refunds, with the deadline of art. 3.2. Information, not a breach: it is the bilan's outcome.
 */
export const ftSolde: Rule = {
  id: 'FT-SOLDE',
  severity: 'info',
  article: 'FT art. 6',
  title: 'Solde à verser par l’État ou trop-perçu à reverser (bilan financier final)',
  check(ctx) {
    const bilan = computeFtBilan(ctx);
    if (!bilan) return [];
    // A model with nothing notified and nothing spent (the blank template) has nothing to settle.
    if (bilan.volets.length === 0 && !bilan.advanceStated) return [];
    if (!bilan.hasJournal) {
      const why = ctx.workbook.tables.some((t) => t.kind === 'ft-expense-journal')
        ? 'le « Journal des dépenses » ne contient aucune dépense'
        : 'le classeur n’a pas de feuille « Journal des dépenses »';
      return [findingAt(this, paramsRef(bilan), `Bilan financier final France Travail non calculé : ${why} ; les dépenses réalisées, donc le solde ou le trop-perçu, sont inconnus.`)];
    }
    const balance = bilan.balance;
    if (balance === null || bilan.retainedTotal === null) {
      return [
        findingAt(
          this,
          bilan.unreadable[0] ?? paramsRef(bilan),
          `Bilan financier final France Travail non calculé : montant de dépense illisible (${cellList(bilan.unreadable)}) ; ` +
            'la participation de l’État retenue, donc le solde ou le trop-perçu, sont inconnus. Corriger la cellule (un nombre) puis relancer le contrôle.',
        ),
      ];
    }
    const outcome = balance.isNegative()
      ? `trop-perçu à reverser à l’État : ${formatEuro(balance.negated())}`
      : balance.isZero()
        ? 'ni solde ni trop-perçu : l’avance couvre exactement la participation retenue'
        : `solde à verser par l’État : ${formatEuro(balance)}`;
    return [
      findingAt(
        this,
        paramsRef(bilan),
        `Bilan financier final (convention France Travail du ${frenchDate(bilan.period.start)} au ${frenchDate(bilan.period.end)}) : ` +
          `participation de l’État retenue ${formatEuro(bilan.retainedTotal)} (${volets(bilan)}) ; ${advance(bilan)} ; ${outcome}. ` +
          `Bilan à produire au plus tard le ${frenchDate(bilan.deadline)} (art. 3.2).`,
        { expected: bilan.retainedTotal, actual: balance },
      ),
    ];
  },
};

/** The Paramètres cell the bilan rests on: the advance stated, else a notified amount stated there. */
function paramsRef(b: FtBilan): CellRef | null {
  return b.advanceRef ?? b.volets.find((v) => v.notifiedSource === 'Paramètres' && v.notifiedRef)?.notifiedRef ?? null;
}

function volets(b: FtBilan): string {
  return b.volets
    .map((v) => {
      const excluded = v.excluded === null ? ', dépenses écartées de montant illisible' : v.excluded.isZero() ? '' : `, ${formatEuro(v.excluded)} de dépenses écartées`;
      const eligible = v.eligible === null ? 'non calculées' : formatEuro(v.eligible);
      const how = v.notified === null ? 'aucun montant notifié' : v.lumpSum ? 'forfait retenu en totalité' : `dépenses éligibles ${eligible}${excluded}`;
      return `volet ${v.volet} : ${v.retained === null ? 'non calculé' : formatEuro(v.retained)}, ${how}`;
    })
    .join(' ; ');
}

function advance(b: FtBilan): string {
  if (b.advanceStated) return `avance versée ${formatEuro(b.advance)} (feuille Paramètres)`;
  return `avance de ${formatEuro(b.advance)} (${formatPercent(b.advance.isZero() ? b.advance : b.advance.div(b.notifiedTotal).times(100))} du montant notifié de ${formatEuro(b.notifiedTotal)})`;
}
