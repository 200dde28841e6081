import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, mergeClasses } from '@fluentui/react-components';
import type { FourYearTotals, MoneyKey, YearMoney, YearSource } from '../../domain/convention-view';
import { yearReadAs } from '../../domain/convention-view';
import type { Money } from '../../domain/money';
import { euro, rate } from '../pane-text';
import type { NamedLine } from './ConventionPanel';
import { useTableStyles } from './table-styles';

/** The figures of a year, in the order of the annexe's columns; the CD's after the State's. */
const FIGURES: { key: MoneyKey; label: string }[] = [
  { key: 'notified', label: 'Notifié (État)' },
  { key: 'paid', label: 'Versé (État)' },
  { key: 'stateSpent', label: 'Réalisé (État)' },
  { key: 'stateUnspent', label: 'Non consommé (État)' },
  { key: 'carryOverState', label: 'Reporté (État)' },
  { key: 'cdAllocated', label: 'Affecté (CD)' },
  { key: 'cdSpent', label: 'Réalisé (CD)' },
  { key: 'carryOverCd', label: 'Reporté (CD)' },
];

/**
 * Year by year, one collapsible table per line (total, then each axe): a group per year, titled by
 * how the year was read, then the cumul over the years read with the consumption rates. A figure
 * the workbook does not give is « non lu », never 0.
 */
export function ConventionYears({ lines, sources, period }: { lines: NamedLine[]; sources: YearSource[]; period: string }) {
  const s = useTableStyles();
  const how = new Map(sources.map((x) => [x.year, yearReadAs(x)]));
  const figure = (label: string, value: Money | null, key: string) => (
    <tr key={key} className={s.row}>
      <th scope="row" className={s.label}>{label}</th>
      <td className={mergeClasses(s.amount, value === null && s.unread)}>{value === null ? 'non lu' : euro(value)}</td>
    </tr>
  );
  const year = (y: YearMoney) => {
    const read = FIGURES.some((f) => y[f.key] !== null);
    return (
      <tbody key={y.year} data-year={y.year}>
        <tr>
          <th scope="rowgroup" colSpan={2} className={s.group}>
            {y.year} — {how.get(y.year) ?? 'non lu'}
          </th>
        </tr>
        {read && FIGURES.map((f) => figure(f.label, y[f.key], f.key))}
      </tbody>
    );
  };
  const rateOrNot = (r: Money | null) => (r ? rate(r) : 'non mesurée');
  const cumul = (t: FourYearTotals) => (
    <tbody data-year="cumul">
      <tr>
        <th scope="rowgroup" colSpan={2} className={s.group}>
          Cumul des années lues
        </th>
      </tr>
      {FIGURES.map((f) => figure(f.label, t[f.key], f.key))}
      <tr className={s.total}>
        <th scope="row" className={s.label}>Consommation État (réalisé ÷ versé)</th>
        <td className={s.amount}>{rateOrNot(t.stateRate)}</td>
      </tr>
      <tr className={s.row}>
        <th scope="row" className={s.label}>Consommation CD (réalisé ÷ affecté)</th>
        <td className={s.amount}>{rateOrNot(t.cdRate)}</td>
      </tr>
    </tbody>
  );
  return (
    <div>
      <Text weight="semibold" as="h4" block>
        Année par année
      </Text>
      <Accordion multiple collapsible>
        {lines.map(({ id, name, line }) => (
          <AccordionItem key={id} value={id}>
            <AccordionHeader as="h5" size="small">
              {name}, {period}
            </AccordionHeader>
            <AccordionPanel>
              <table className={s.table} aria-label={`${name}, année par année`} data-line={id}>
                {line.years.map(year)}
                {cumul(line.totals)}
              </table>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
