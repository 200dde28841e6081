import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { type ConventionView, type FourYearLine, yearsRead } from '../../domain/convention-view';
import { frenchSpacing } from '../pane-text';
import { ConventionCumul } from './ConventionCumul';
import { ConventionExpected } from './ConventionExpected';
import { ConventionYears } from './ConventionYears';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** The whole convention first, then each axe, as every part of the view lists them. */
export interface NamedLine {
  id: string;
  name: string;
  line: FourYearLine;
}

export function namedLines(view: ConventionView): NamedLine[] {
  return [{ id: 'total', name: 'Total CLS', line: view.total }, ...view.axes.map((a) => ({ id: `axe-${a.axe}`, name: `Axe ${a.axe}`, line: a }))];
}

/**
 * The CLS over its four years (State money): which years the workbook holds, per axe and in total
 * what was notified, paid, spent, left unspent and carried over, the cumulative consumption rate,
 * the amounts notified against art. 2.2 and the avenants, and year by year on demand.
 */
export function ConventionPanel({ view }: { view: ConventionView }) {
  const s = useStyles();
  const id = useId();
  const period = `${view.years[0]}-${view.years[view.years.length - 1]}`;
  const lines = namedLines(view);
  return (
    <section className={s.section} aria-labelledby={id} data-convention="">
      <Text weight="semibold" as="h3" block id={id}>
        CLS {period} — part État sur la durée de la convention
      </Text>
      <Text size={200}>{frenchSpacing(`Années lues : ${yearsRead(view.sources)}.`)}</Text>
      <ConventionCumul lines={lines} />
      <ConventionExpected view={view} />
      <ConventionYears lines={lines} sources={view.sources} period={period} />
    </section>
  );
}
