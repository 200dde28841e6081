import type { Finding } from '../../domain/finding';
import { type Money, ZERO, formatEuro, formatPercent, percent } from '../../domain/money';
import type { CheckOptions } from '../../domain/workbook';
import { type IndicatorTable, achievementRate } from '../../domain/indicators';
import { findingAt } from '../../domain/rules/report';
import { type FinancialStatement, REPORT_YEARS, cumulate } from './statement';

/**
 * What the mid-term report adds to the engine's findings: the points a State controller raises on
 * a 2024–2025 report (CLS art. 2.3) that no single-year rule sees. IDs start with "MID-".
 */
const RULES = {
  block: { id: 'MID-BLOCK-MISSING', severity: 'error', article: 'CLS art. 2.3' },
  underspend: { id: 'MID-UNDERSPEND', severity: 'warning', article: 'CLS art. 2.2' },
  carry: { id: 'MID-CARRY-END', severity: 'info', article: 'CLS art. 5' },
  missing: { id: 'MID-IND-MISSING', severity: 'warning', article: 'CLS art. 2.3' },
  below: { id: 'MID-IND-BELOW', severity: 'info', article: 'CLS art. 2.3' },
  noIndicators: { id: 'MID-IND-NONE', severity: 'warning', article: 'CLS art. 2.3' },
} as const;

/** The French titles of the report's own rules (the catalogue's rules have theirs). */
export const MID_RULE_TITLES: Record<string, string> = {
  'MID-BLOCK-MISSING': 'Année du rapport sans bloc financier',
  'MID-UNDERSPEND': 'Sous-consommation des crédits sur 2024-2025',
  'MID-CARRY-END': 'Crédits reportés à consommer avant la fin de la convention',
  'MID-IND-MISSING': 'Résultat d’indicateur non renseigné',
  'MID-IND-BELOW': 'Résultat d’indicateur inférieur à la cible',
  'MID-IND-NONE': 'Tableaux d’indicateurs absents',
};

export function midTermObservations(st: FinancialStatement, indicators: IndicatorTable[], options: CheckOptions): Finding[] {
  return [...blocks(st), ...underspend(st, options), ...carry(st), ...indicatorFindings(indicators)];
}

/** « Ce rapport couvre la période du 1er janvier 2024 au 31 décembre 2025, soit deux années civiles. » */
function blocks(st: FinancialStatement): Finding[] {
  const out: Finding[] = [];
  for (const year of REPORT_YEARS) {
    const b = st.blocks[year];
    if (!b.forecast && !b.previousRecap) {
      out.push(findingAt(RULES.block, null, `Aucun bloc « Prévisionnel Année ${year} » n’a été trouvé : les crédits prévus ${year} sont inconnus (comptés 0 dans le bilan).`));
    }
    if (!b.execution && !b.recap) {
      out.push(findingAt(RULES.block, null, `Ni « Exécution budgétaire ${year} » ni récapitulatif ${year} : l’exécution ${year}, exigée par le rapport à mi-parcours, n’est pas renseignée.`));
    } else if (!b.execution) {
      out.push(findingAt({ ...RULES.block, severity: 'info' }, null, `Pas de bloc « Exécution budgétaire ${year} » : l’exécution ${year} est lue dans le récapitulatif ${year}.`));
    }
  }
  return out;
}

/** Under-consumption over the two years, same threshold as UNDERSPEND (« sous-consommation manifeste »). */
function underspend(st: FinancialStatement, options: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const threshold = options.underspendThreshold.times(100);
  for (const a of st.actions) {
    const c = cumulate(REPORT_YEARS.map((y) => a.years[y]));
    if (!c || REPORT_YEARS.some((y) => a.years[y] === null)) continue;
    const rate = percent(c.stateSpent, c.paid);
    if (rate === null || rate.gte(threshold)) continue;
    const ref = a.stateSpentRef[REPORT_YEARS[REPORT_YEARS.length - 1]] ?? null;
    out.push(
      findingAt(RULES.underspend, ref, `Action ${a.fiche} : ${formatEuro(c.stateSpent)} de crédits État consommés sur ${formatEuro(c.paid)} versés en 2024-2025, soit ${formatPercent(rate)} (seuil ${formatPercent(threshold)}) ; l’État peut réduire les crédits des années suivantes.`, {
        expected: c.paid.times(threshold).div(100),
        actual: c.stateSpent,
      }),
    );
  }
  return out;
}

/** Credits still to carry at 31/12/2025 must be used by 31/12/2027: none may go beyond (art. 5). */
function carry(st: FinancialStatement): Finding[] {
  const last = REPORT_YEARS[REPORT_YEARS.length - 1];
  let state: Money = ZERO;
  let cd: Money = ZERO;
  for (const a of st.actions) {
    state = state.plus(a.years[last]?.carryState ?? ZERO);
    cd = cd.plus(a.years[last]?.carryCd ?? ZERO);
  }
  if (state.isZero() && cd.isZero()) return [];
  return [
    findingAt(RULES.carry, null, `Reports au 31/12/${last} : ${formatEuro(state)} (part État) et ${formatEuro(cd)} (part CD) ; ces crédits doivent être consommés avant le 31/12/2027, aucun report n’étant possible au-delà de la convention.`),
  ];
}

/** « Le Conseil départemental renseigne chaque année le niveau d'atteinte des indicateurs… » */
function indicatorFindings(tables: IndicatorTable[]): Finding[] {
  if (tables.length === 0) {
    return [findingAt(RULES.noIndicators, null, 'Aucun tableau d’indicateurs (annexe 1 locaux, annexe 4 nationaux) dans le classeur : la matrice des indicateurs du rapport est vide.')];
  }
  const out: Finding[] = [];
  for (const t of tables) {
    for (const ind of t.rows) {
      for (const y of REPORT_YEARS) {
        const year = ind.years[y];
        if (!year?.target?.value || !year.result) continue;
        const what = `${t.title}, « ${short(ind.label)} »${ind.fiche ? ` (action ${ind.fiche})` : ''}`;
        if (!year.result.value) {
          out.push(findingAt(RULES.missing, year.result.ref, `${what} : résultat ${y} non renseigné (cible ${year.target.value.toString()}).`, { expected: year.target.value.toString() }));
          continue;
        }
        const rate = achievementRate(year);
        if (rate && rate.lt(1)) {
          out.push(
            findingAt(RULES.below, year.result.ref, `${what} : résultat ${y} ${year.result.value.toString()} pour une cible de ${year.target.value.toString()} (${formatPercent(rate.times(100))}).`, {
              expected: year.target.value.toString(),
              actual: year.result.value.toString(),
            }),
          );
        }
      }
    }
  }
  return out;
}

function short(s: string): string {
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}
