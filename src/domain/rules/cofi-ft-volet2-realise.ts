import { cellList, computeFtBilan } from '../ft-bilan';
import { formatEuro, formatPercent, percent, toCents } from '../money';
import type { Rule } from './rule';
import { findingAt } from './report';

/**
 * FT art. 3.3: the Département « participe à hauteur de 50% du coût total des actions inscrites au
 * volet 2 » — checked here on what was realised, at the bilan financier (COFI-FT-VOLET2 checks the
 * plan). Realised total cost of volet 2 = its eligible expenses (état des dépenses) + the CD's
 * own-fund expenses (Paramètres « FT dépenses CD volet 2 ») + the FSE+ valorisation; the CD's share
 * is what the State does not pay: total − State contribution retained − FSE+ (unless the fseAsCd
 * reading counts it). The message says which reading was applied.
 */
export const cofiFtVolet2Realise: Rule = {
  id: 'COFI-FT-VOLET2-REALISE',
  severity: 'error',
  article: 'FT art. 3.3',
  title: 'Part du Département inférieure à 50 % du volet 2 réalisé',
  check(ctx) {
    const bilan = computeFtBilan(ctx);
    const v2 = bilan?.volet2;
    if (!bilan || !bilan.hasJournal || !v2) return [];
    if (v2.cdOwn === null) {
      return [
        findingAt(
          this,
          ctx.workbook.params.refs.get('ftCeiling.2') ?? v2.fseRef ?? null,
          'Cofinancement du volet 2 réalisé non contrôlé : la feuille Paramètres n’indique pas les dépenses du Département sur ses fonds propres (« FT dépenses CD volet 2 ») ; sans elles, la part du Département dans le coût total réalisé est inconnue.',
          { severity: 'info' },
        ),
      ];
    }
    if (v2.eligible === null || v2.total === null || v2.cd === null || v2.required === null || v2.stateRetained === null) {
      return [
        findingAt(
          this,
          v2.unreadable[0] ?? v2.cdOwnRef ?? null,
          `Cofinancement du volet 2 réalisé non calculé : montant de dépense illisible (${cellList(v2.unreadable)}) ; ` +
            'les dépenses éligibles du volet 2, donc son coût total réalisé et la part du Département, sont inconnus. Corriger la cellule (un nombre) puis relancer le contrôle.',
          { severity: 'info' },
        ),
      ];
    }
    const cd = toCents(v2.cd);
    if (cd.gte(v2.required)) return [];
    const share = percent(v2.cd, v2.total);
    const fse = v2.fse.isZero()
      ? ''
      : v2.fseCounted
        ? ` Lecture appliquée : la valorisation FSE+ (${formatEuro(v2.fse)}) est comptée comme part du Département.`
        : ` Lecture appliquée : la valorisation FSE+ (${formatEuro(v2.fse)}) n’est pas comptée comme part du Département (paramètre « FSE+ valorisation comptée comme CD » : oui pour la compter ; en ligne de commande, --fse-as-cd).`;
    return [
      findingAt(
        this,
        v2.cdOwnRef ?? null,
        `Volet 2 réalisé : le Département finance ${formatEuro(cd)} sur un coût total réalisé de ${formatEuro(v2.total)} ` +
          `(dépenses éligibles de l’état des dépenses ${formatEuro(v2.eligible)}, dont ${formatEuro(v2.stateRetained)} de participation de l’État retenue ; ` +
          `dépenses du Département sur fonds propres ${formatEuro(v2.cdOwn)}${v2.fse.isZero() ? '' : ` ; valorisation FSE+ ${formatEuro(v2.fse)}`}), ` +
          `soit ${share ? formatPercent(share) : '—'} (minimum ${formatPercent(v2.minShare.times(100))}, soit ${formatEuro(v2.required)} : il manque ${formatEuro(v2.required.minus(cd))}).${fse}`,
        { expected: v2.required, actual: cd },
      ),
    ];
  },
};
