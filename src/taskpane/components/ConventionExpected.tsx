import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ConventionView } from '../../domain/convention-view';
import { type Money, ZERO, sameCents } from '../../domain/money';
import { andList, euro, frenchSpacing } from '../pane-text';
import { useTableStyles } from './table-styles';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS },
});

const signed = (m: Money) => (m.gt(0) ? `+${euro(m)}` : euro(m));
const years = (list: number[]) => andList(list.map(String));

interface Row {
  year: number;
  expected: Money | null;
  inConvention: boolean;
  notified: Money | null;
}

/**
 * Year by year, the State money the workbook notifies against what art. 2.2 and the avenants
 * provide (Paramètres), and the convention's total: 4 × 3 342 548 € = 13 370 192 € for the
 * Pas-de-Calais unless avenants say otherwise. A year notified for another amount shows its gap.
 */
export function ConventionExpected({ view }: { view: ConventionView }) {
  const s = useTableStyles();
  const c = useStyles();
  const expected = new Map(view.expected.years.map((e) => [e.year, e]));
  const rows: Row[] = view.years.map((year, i) => ({
    year,
    expected: expected.get(year)?.amount ?? null,
    inConvention: expected.has(year),
    notified: view.total.years[i].notified,
  }));
  const conventionRows = rows.filter((r) => r.inConvention);
  const read = conventionRows.filter((r) => r.notified !== null);
  const unread = conventionRows.filter((r) => r.notified === null).map((r) => r.year);
  const notifiedTotal = read.reduce((a, r) => a.plus(r.notified!), ZERO);
  const first = conventionRows[0]?.year;
  const last = conventionRows[conventionRows.length - 1]?.year;
  const bySource = (source: string) => view.expected.years.filter((e) => e.source === source).map((e) => e.year);
  const sources = [
    ...(bySource('notifié').length ? [`le montant notifié dans la feuille « Paramètres » (${years(bySource('notifié'))})`] : []),
    ...(bySource('prévisionnel').length ? [`le prévisionnel annuel de l’art. 2.2 (${years(bySource('prévisionnel'))})`] : []),
  ];
  const total = view.expected.total;
  let verdict: string;
  if (!total) verdict = 'Montant attendu non indiqué : renseignez « CLS État notifié <année> total » ou « CLS État prévisionnel annuel » dans la feuille « Paramètres ».';
  else if (unread.length === 0) {
    verdict = sameCents(notifiedTotal, total)
      ? `Notifié sur ${first}-${last} : ${euro(notifiedTotal)}, le total attendu.`
      : `Notifié sur ${first}-${last} : ${euro(notifiedTotal)} pour ${euro(total)} attendus (écart ${signed(notifiedTotal.minus(total))}).`;
  } else {
    const readYears = read.length ? `pour ${years(read.map((r) => r.year))}` : 'pour aucune année';
    verdict = `Notifié ${readYears} : ${euro(notifiedTotal)} des ${euro(total)} attendus sur ${first}-${last} ; ${years(unread)} : pas encore dans le classeur.`;
  }
  return (
    <div>
      <table className={s.table} data-expected="">
        <caption className={s.caption}>Notifié face à l’art. 2.2 et aux avenants</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(s.head, s.headFirst)}>Année</th>
            <th scope="col" className={s.head}>Attendu</th>
            <th scope="col" className={s.head}>Notifié</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const gap = r.expected && r.notified && !sameCents(r.expected, r.notified) ? r.notified.minus(r.expected) : null;
            return (
              <tr key={r.year} className={s.row} data-year={r.year}>
                <th scope="row" className={s.label}>{r.year}</th>
                <td className={mergeClasses(s.amount, !r.expected && s.unread)}>{r.expected ? euro(r.expected) : r.inConvention ? 'non indiqué' : 'hors convention'}</td>
                <td className={mergeClasses(s.amount, !r.notified && s.unread)}>
                  {r.notified ? euro(r.notified) : 'non lu'}
                  {gap && <span className={s.gap}>écart {signed(gap)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
        {first !== undefined && (
          <tfoot>
            <tr className={s.total}>
              <th scope="row" className={s.label}>{`${first}-${last}`}</th>
              <td className={s.amount}>{total ? euro(total) : 'non indiqué'}</td>
              <td className={s.amount}>{euro(notifiedTotal)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <Text size={200} block>
        {frenchSpacing(verdict)}
      </Text>
      {total && sources.length > 0 && <Caption1 block className={c.note}>{frenchSpacing(`Attendu : ${sources.join(' ; ')}.`)}</Caption1>}
    </div>
  );
}
