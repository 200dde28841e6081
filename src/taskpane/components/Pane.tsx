import { Caption1, Divider, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookActions } from '../../adapters/office/workbook-actions';
import { usePane } from '../use-pane';
import { ActionBar } from './ActionBar';
import { BusyIndicator } from './BusyIndicator';
import { FindingsPanel } from './FindingsPanel';
import { ReportChart } from './ReportChart';
import { SettingsPanel } from './SettingsPanel';
import { StatusMessage } from './StatusMessage';
import { SummaryPanel } from './SummaryPanel';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column' },
});

/** The task pane: everything it does to the workbook goes through `actions`. */
export function Pane({ actions }: { actions: WorkbookActions }) {
  const s = useStyles();
  const p = usePane(actions);
  return (
    <main className={s.pane} aria-busy={p.busy !== null}>
      <header className={s.header}>
        <Title3 as="h1">Annexes financières</Title3>
        <Caption1>Contrat local des solidarités et convention France Travail</Caption1>
      </header>
      <ActionBar
        busy={p.busy !== null}
        analysed={p.view !== null}
        marked={p.marked}
        onAnalyse={p.analyse}
        onWrite={p.write}
        onPrepareReport={p.prepareReport}
        onUndo={p.undo}
        onToggleMarks={p.toggleMarks}
      />
      {p.busy && <BusyIndicator busy={p.busy} />}
      {p.message && <StatusMessage message={p.message} onDismiss={p.dismissMessage} />}
      {p.report && <ReportChart report={p.report} />}
      {p.view ? (
        <>
          <FindingsPanel findings={p.view.analysis.findings} onSelect={p.select} />
          <Divider />
          <SummaryPanel summary={p.view.summary} />
        </>
      ) : (
        !p.busy && <Text>Cliquez sur « Analyser le classeur » pour contrôler les annexes de ce classeur.</Text>
      )}
      <Divider />
      <SettingsPanel settings={p.settings} effective={p.view?.analysis.options} disabled={p.busy !== null} onSave={p.saveSettings} />
    </main>
  );
}
