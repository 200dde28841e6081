/**
 * What the pane does, as one hook: every button's work (read → analyse → plan → write), the busy
 * state with its progress, the message the user reads after, the undo stack as listed, and whether
 * the workbook changed since the analysis. Components only render this. The workbook is read again
 * before each write: the user may have typed since the last analysis.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type Decimal from 'decimal.js';
import type { PaneSettings, WorkbookActions, WriteEntry } from '../adapters/office/workbook-actions';
import { type ConventionView, conventionView } from '../domain/convention-view';
import type { Finding } from '../domain/finding';
import { formatPercent, percent, sumMoney } from '../domain/money';
import { type WorkbookSummary, summarise } from '../domain/summary';
import { type Analysis, analyseGrid } from '../layout/analyse';
import { type ReadingSettings, type SettingsPlan, planSettings } from '../layout/fill/settings-plan';
import type { Grid } from '../layout/grid';
import { type ChartData, planMidTermReport } from '../layout/report/mid-term-report';
import type { ChartSpec } from '../layout/report/report-plan';
import { shownCumul, totalSpent } from '../layout/report/statement';
import type { WritePlan } from '../layout/write-plan';
import type { Place } from './comparison-view';
import { describeError } from './describe-error';
import { count, listNames, protectedSheetsText } from './pane-text';
import { useChangeWatch } from './use-change-watch';
import { useComparison } from './use-comparison';
import { REPORT_TITLE, SETTINGS_TITLE, WRITE_ACTIONS } from './write-actions';

export interface PaneMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  title: string;
  text: string;
  /** The next step the message offers (« Annuler cette écriture », « Retirer de la liste »…). */
  action?: { label: string; run: () => void };
}

export interface Busy {
  label: string;
  /** 0..1, or undefined while the length of the step is unknown. */
  fraction?: number;
}

export interface AnalysisView {
  analysis: Analysis;
  summary: WorkbookSummary;
  /** The CLS 2024–2027 year by year and cumulated; null without a CLS block. */
  convention: ConventionView | null;
  analysedAt: Date;
}

/** The last mid-term report prepared in this session: its chart, drawn in the pane. */
export interface ReportView {
  chartData: ChartData;
  actions: number;
  /** Réalisé ÷ prévu over 2024–2025, all actions; null when nothing is planned. */
  rate: Decimal | null;
  /** The plan's description: undoing the write that bears it removes the report. */
  description: string;
}

export type PaneTab = 'constats' | 'synthese' | 'ecritures' | 'reglages';

const UNDO_HINT = 'Onglet Écritures : « Annuler » la défait.';

export function usePane(actions: WorkbookActions) {
  const [view, setView] = useState<AnalysisView | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(() => {
    const reason = actions.unsupportedReason();
    return reason ? { intent: 'error', title: 'Version d’Excel non prise en charge', text: reason } : null;
  });
  const [tab, setTab] = useState<PaneTab>('constats');
  const [writes, setWrites] = useState<WriteEntry[]>([]);
  const [marked, setMarked] = useState(() => actions.hasMarks());
  const [report, setReport] = useState<ReportView | null>(null);
  const [legacy, setLegacy] = useState<PaneSettings>(() => actions.legacySettings());
  const gridRef = useRef<Grid | null>(null);
  const busyRef = useRef(false);
  const { stale, analysed } = useChangeWatch(actions, busyRef);

  const refreshWrites = useCallback(async () => {
    try {
      setWrites(await actions.listWrites());
    } catch (e) {
      setMessage(describeError(e, 'Écritures'));
    }
  }, [actions]);

  useEffect(() => {
    void refreshWrites();
  }, [refreshWrites]);

  /** Runs one user action: busy while it runs, its error as a message, never an exception out. */
  const task = useCallback(async (label: string, work: () => Promise<void>) => {
    busyRef.current = true;
    setBusy({ label });
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage(describeError(e, label));
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }, []);

  const readAndAnalyse = useCallback(async (): Promise<{ grid: Grid; analysis: Analysis }> => {
    setBusy({ label: 'Lecture du classeur…' });
    const grid = await actions.readWorkbook((fraction, label) => setBusy({ label, fraction }));
    setBusy({ label: 'Contrôle des annexes…' });
    const analysis = analyseGrid(grid);
    gridRef.current = grid;
    setView({ analysis, summary: summarise(analysis.workbook, analysis.options), convention: conventionView(analysis.workbook), analysedAt: new Date() });
    await analysed();
    return { grid, analysis };
  }, [actions, analysed]);

  const analyse = useCallback(
    () =>
      task('Analyser le classeur', async () => {
        const { analysis } = await readAndAnalyse();
        const n = analysis.findings.length;
        setTab('constats');
        setMessage({
          intent: n === 0 ? 'success' : 'info',
          title: 'Analyse terminée',
          text: n === 0 ? 'Aucun constat : les annexes sont cohérentes.' : `${count(n, 'constat', 'constats')} : cliquez sur un constat, ou sur « Constat suivant », pour afficher sa cellule.`,
        });
      }),
    [task, readAndAnalyse],
  );

  const forget = useCallback(
    () =>
      task('Retirer de la liste', async () => {
        const r = await actions.forgetLastWrite();
        await refreshWrites();
        setMessage(
          r.forgotten
            ? { intent: 'info', title: 'Écriture retirée de la liste', text: `« ${r.description ?? ''} » ne sera plus proposée à l’annulation ; le classeur n’a pas été modifié. Les écritures précédentes restent annulables.` }
            : { intent: 'info', title: 'Rien à retirer', text: 'La liste des écritures est vide.' },
        );
      }),
    [task, actions, refreshWrites],
  );

  const undo = useCallback(
    () =>
      task('Annuler', async () => {
        setBusy({ label: 'Annulation…' });
        let result;
        try {
          result = await actions.undoLastWrite();
        } catch (e) {
          const refused = e instanceof Error && e.name === 'UndoRefusedError';
          setMessage({ ...describeError(e, 'Annuler'), ...(refused ? { intent: 'warning' as const, title: 'Annulation refusée', action: { label: 'Retirer de la liste', run: () => void forget() } } : {}) });
          await refreshWrites();
          return;
        }
        await refreshWrites();
        if (!result.undone) {
          setMessage({ intent: 'info', title: 'Rien à annuler', text: 'Le classeur ne garde aucune écriture du complément à annuler.' });
          return;
        }
        await readAndAnalyse();
        setReport((prev) => (prev && prev.description === result.description ? null : prev));
        const parts = [
          count(result.cellsRestored, 'cellule rétablie', 'cellules rétablies'),
          ...(result.sheetsRestored.length ? [`${count(result.sheetsRestored.length, 'feuille remise', 'feuilles remises')} comme avant : ${listNames(result.sheetsRestored)}`] : []),
          ...(result.sheetsDeleted.length ? [`${count(result.sheetsDeleted.length, 'feuille retirée', 'feuilles retirées')} : ${listNames(result.sheetsDeleted)}`] : []),
          ...(result.shownAgain ? [`feuille « ${result.shownAgain} » affichée à nouveau (un classeur garde une feuille visible)`] : []),
        ];
        setMessage({ intent: 'success', title: 'Écriture annulée', text: `« ${result.description ?? ''} » est annulée : ${parts.join(' ; ')}.` });
      }),
    [task, readAndAnalyse, actions, refreshWrites, forget],
  );

  /** A write: read, plan, write, read again; a write cut short offers its undo at once. */
  const runWrite = useCallback(
    (title: string, make: (grid: Grid, analysis: Analysis) => { plan: WritePlan; charts?: ChartSpec[] }, done?: (made: { plan: WritePlan; charts?: ChartSpec[] }, grid: Grid, analysis: Analysis) => string | null) =>
      task(title, async () => {
        const { grid, analysis } = await readAndAnalyse();
        const made = make(grid, analysis);
        if (made.plan.writes.length === 0 && made.plan.createSheets.length === 0) {
          setMessage({ intent: 'info', title, text: 'Rien à écrire : le classeur est déjà à jour.' });
          return;
        }
        let result;
        try {
          result = await actions.applyWrites(made.plan, (fraction, label) => setBusy({ label, fraction }), made.charts);
        } catch (e) {
          await refreshWrites();
          if (e instanceof Error && e.name === 'PartialWriteError') {
            setMessage({ intent: 'error', title: `${title} : interrompue`, text: e.message, action: { label: 'Annuler l’écriture interrompue', run: () => void undo() } });
            return;
          }
          throw e;
        }
        await refreshWrites();
        await readAndAnalyse();
        const sheets = [
          ...(result.sheetsCreated.length ? [`${count(result.sheetsCreated.length, 'feuille créée', 'feuilles créées')} : ${listNames(result.sheetsCreated)}`] : []),
          ...(result.sheetsRewritten.length ? [`${count(result.sheetsRewritten.length, 'feuille réécrite', 'feuilles réécrites')} : ${listNames(result.sheetsRewritten)}`] : []),
        ];
        const extra = done?.(made, grid, analysis);
        setMessage({
          intent: 'success',
          title: `${title} : terminé`,
          text: [count(result.cellsWritten, 'cellule écrite', 'cellules écrites'), ...sheets, ...(extra ? [extra] : [])].join(' ; ') + `. ${made.plan.description.replace(/\.$/, '')}. ${UNDO_HINT}`,
        });
      }),
    [task, readAndAnalyse, actions, refreshWrites, undo],
  );

  const write = useCallback(
    (kind: string) => {
      const action = WRITE_ACTIONS.find((a) => a.kind === kind);
      if (action) void runWrite(action.title, (grid, analysis) => ({ plan: action.plan(grid, analysis) }));
    },
    [runWrite],
  );

  const prepareReport = useCallback(() => {
    let made: ReturnType<typeof planMidTermReport> | null = null;
    void runWrite(
      REPORT_TITLE,
      (grid, analysis) => {
        made = planMidTermReport(grid, analysis);
        return { plan: made.plan, charts: made.charts };
      },
      () => {
        const r = made!;
        const cumul = r.statement.actions.map(shownCumul);
        const rate = percent(sumMoney(cumul.map(totalSpent)), sumMoney(cumul.map((c) => c.planned)));
        const n = r.statement.actions.length;
        setReport({ chartData: r.chartData, actions: n, rate, description: r.plan.description });
        setTab('synthese');
        return (
          (n === 0 ? 'aucune action CLS trouvée dans les blocs « Tableau financier »' : count(n, 'action CLS', 'actions CLS')) +
          (rate ? ` ; taux de consommation 2024-2025 (réalisé / prévu) : ${formatPercent(rate)}` : '') +
          ` ; ${count(r.findings.length, 'constat', 'constats')} dans le rapport` +
          (r.charts.length > 0 ? ' ; graphique prévu / réalisé ajouté' : '')
        );
      },
    );
  }, [runWrite]);

  const showPlace = useCallback(
    async ({ sheet, address }: Place) => {
      try {
        await actions.selectCell(sheet, address);
      } catch (e) {
        setMessage(describeError(e, 'Afficher la cellule'));
      }
    },
    [actions],
  );

  const select = useCallback((f: Finding) => showPlace({ sheet: f.sheet, address: f.cell }), [showPlace]);

  const { comparison, compare, compareAgain } = useComparison(actions, task, setBusy, setMessage);

  const toggleMarks = useCallback(() => {
    const removing = marked;
    return task(removing ? 'Retirer les marques' : 'Marquer les cellules', async () => {
      const result = await actions.toggleMarks(view?.analysis.findings ?? []);
      setMarked(actions.hasMarks());
      const n = result.skippedSheets.length;
      const skipped = n ? ` ${protectedSheetsText(result.skippedSheets, removing)}` : '';
      const done = removing
        ? `${count(result.cleared, 'cellule a', 'cellules ont')} retrouvé ${result.cleared > 1 ? 'leur' : 'sa'} couleur d’origine.`
        : `${count(result.marked, 'cellule colorée', 'cellules colorées')} selon la gravité. « Retirer les marques » leur rend leur couleur d’origine.`;
      setMessage({ intent: n ? 'warning' : 'success', title: removing ? 'Marques retirées' : 'Cellules marquées', text: done + skipped });
    });
  }, [task, actions, marked, view]);

  /** What writing these readings would change, from the last analysis (for the consent dialog). */
  const previewSettings = useCallback((s: ReadingSettings): SettingsPlan | null => (gridRef.current && view ? planSettings(gridRef.current, view.analysis, s) : null), [view]);

  const writeSettings = useCallback(
    (s: ReadingSettings) =>
      runWrite(SETTINGS_TITLE, (grid, analysis) => ({ plan: planSettings(grid, analysis, s).plan }), () => {
        void actions.forgetLegacySettings().then(() => setLegacy({}), () => undefined);
        return 'la commande annexes check appliquera ces lectures au fichier enregistré';
      }),
    [runWrite, actions],
  );

  return {
    view,
    busy,
    message,
    dismissMessage: () => setMessage(null),
    tab,
    setTab,
    stale,
    writes,
    marked,
    report,
    legacy,
    analyse,
    write,
    prepareReport,
    undo,
    forget,
    select,
    comparison,
    compare,
    compareAgain,
    showPlace,
    toggleMarks,
    previewSettings,
    writeSettings,
  };
}

export type PaneController = ReturnType<typeof usePane>;

