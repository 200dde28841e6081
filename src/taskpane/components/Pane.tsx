import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { WorkbookActions } from '../../adapters/office/workbook-actions';
import { type PaneController, type PaneTab, usePane } from '../use-pane';
import { WRITE_ACTIONS } from '../write-actions';
import { AnalyseBar } from './AnalyseBar';
import { BusyIndicator } from './BusyIndicator';
import { ComparePanel } from './ComparePanel';
import { FindingsPanel } from './FindingsPanel';
import { SettingsPanel } from './SettingsPanel';
import { StatusMessage } from './StatusMessage';
import { SummaryPanel } from './SummaryPanel';
import { WritesPanel } from './WritesPanel';

/**
 * Microsoft's task-pane guidance: 20 px margins (tokens.spacingHorizontalXL), no heading repeating
 * the add-in's name (Excel's pane title already says it), the primary action first, then a tab bar
 * of four short labels that fits the 350 px pane (counts are in the section itself).
 */
const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    minWidth: 0,
    boxSizing: 'border-box',
  },
  // Four tabs in 310 px (350 minus the margins): the first label aligned on the margin, tight padding.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalSNudge})`, flexWrap: 'wrap' },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  tabText: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

interface Section {
  id: PaneTab;
  label: string;
  render(p: PaneController): ReactNode;
}

/** The pane's sections: a new one (or a new piece of one) is a component given the controller's actions. */
const SECTIONS: Section[] = [
  {
    id: 'constats',
    label: 'Constats',
    render: (p) =>
      p.view ? (
        <FindingsPanel findings={p.view.analysis.findings} onSelect={p.select} />
      ) : (
        <Text>Cliquez sur « Analyser le classeur » : les constats s’afficheront ici, regroupés par feuille.</Text>
      ),
  },
  {
    id: 'synthese',
    label: 'Synthèse',
    // The comparison first: a button until used; its list, when asked for, above the drawings.
    render: (p) => (
      <>
        <ComparePanel comparison={p.comparison} busy={p.busy !== null} onCompare={p.compare} onCompareAgain={p.compareAgain} onShow={p.showPlace} />
        {p.view ? <SummaryPanel summary={p.view.summary} convention={p.view.convention} report={p.report} /> : <Text>La synthèse dessinée s’affiche après l’analyse du classeur.</Text>}
      </>
    ),
  },
  {
    id: 'ecritures',
    label: 'Écritures',
    render: (p) => (
      <WritesPanel
        actions={WRITE_ACTIONS.map((a) => ({ key: a.kind, title: a.title, hint: a.hint, run: () => p.write(a.kind) }))}
        onPrepareReport={p.prepareReport}
        analysed={p.view !== null}
        busy={p.busy !== null}
        marked={p.marked}
        onToggleMarks={p.toggleMarks}
        writes={p.writes}
        onUndo={p.undo}
      />
    ),
  },
  {
    id: 'reglages',
    label: 'Réglages',
    render: (p) => (
      <SettingsPanel
        options={p.view?.analysis.options ?? null}
        params={p.view?.analysis.workbook.params ?? null}
        legacy={p.legacy}
        disabled={p.busy !== null || p.view === null}
        preview={p.previewSettings}
        onWrite={p.writeSettings}
      />
    ),
  },
];

/** The task pane: everything it does to the workbook goes through `actions`. */
export function Pane({ actions }: { actions: WorkbookActions }) {
  const s = useStyles();
  const p = usePane(actions);
  const section = SECTIONS.find((x) => x.id === p.tab) ?? SECTIONS[0];
  return (
    <main className={s.pane} aria-busy={p.busy !== null}>
      <AnalyseBar busy={p.busy !== null} stale={p.stale && p.view !== null} analysedAt={p.view?.analysedAt ?? null} onAnalyse={p.analyse} />
      {p.busy && <BusyIndicator busy={p.busy} />}
      {p.message && <StatusMessage message={p.message} onDismiss={p.dismissMessage} />}
      <TabList className={s.tabs} size="small" selectedValue={p.tab} onTabSelect={(_e, d) => p.setTab(d.value as PaneTab)} aria-label="Sections du volet">
        {SECTIONS.map((x) => (
          <Tab key={x.id} className={s.tab} content={{ className: s.tabText }} value={x.id} id={`onglet-${x.id}`} aria-controls={`section-${x.id}`} aria-current={x.id === p.tab ? 'page' : undefined}>
            {x.label}
          </Tab>
        ))}
      </TabList>
      <section className={s.panel} role="tabpanel" id={`section-${section.id}`} aria-labelledby={`onglet-${section.id}`}>
        {section.render(p)}
      </section>
    </main>
  );
}
