import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ConventionView } from '../../domain/convention-view';
import type { WorkbookSummary } from '../../domain/summary';
import type { ReportView } from '../use-pane';
import { ClsAxesChart } from './ClsAxesChart';
import { ConventionPanel } from './ConventionPanel';
import { CofiGauge } from './CofiGauge';
import { ReportChart } from './ReportChart';
import { VoletsChart } from './VoletsChart';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * The drawn summary: the CLS's shares by axe and its four years, the France Travail volets; `children`
 * are further views given by the pane.
 */
export function SummaryPanel({ summary, convention, report, children }: { summary: WorkbookSummary; convention?: ConventionView | null; report?: ReportView | null; children?: ReactNode }) {
  const s = useStyles();
  const empty = !summary.cls && !convention && summary.volets.length === 0 && !summary.cofiVolet2;
  return (
    <div className={s.panel}>
      <Subtitle2 as="h2">Synthèse</Subtitle2>
      {empty && <Text>Aucun tableau CLS ni France Travail reconnu dans ce classeur.</Text>}
      {report && <ReportChart report={report} />}
      {summary.cls && <ClsAxesChart cls={summary.cls} />}
      {convention && <ConventionPanel view={convention} />}
      {summary.volets.length > 0 && <VoletsChart volets={summary.volets} />}
      {summary.cofiVolet2 && <CofiGauge cofi={summary.cofiVolet2} />}
      {children}
    </div>
  );
}
