import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookSummary } from '../../domain/summary';
import { ClsAxesChart } from './ClsAxesChart';
import { CofiGauge } from './CofiGauge';
import { VoletsChart } from './VoletsChart';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function SummaryPanel({ summary }: { summary: WorkbookSummary }) {
  const s = useStyles();
  const empty = !summary.cls && summary.volets.length === 0 && !summary.cofiVolet2;
  return (
    <section className={s.panel} aria-label="Synthèse">
      <Subtitle2 as="h2">Synthèse</Subtitle2>
      {empty && <Text>Aucun tableau CLS ni France Travail reconnu dans ce classeur.</Text>}
      {summary.cls && <ClsAxesChart cls={summary.cls} />}
      {summary.volets.length > 0 && <VoletsChart volets={summary.volets} />}
      {summary.cofiVolet2 && <CofiGauge cofi={summary.cofiVolet2} />}
    </section>
  );
}
