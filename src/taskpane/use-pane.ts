/**
 * What the pane does, as one hook: every button's work (read → analyse → plan → write), the busy
 * state with its progress, and the message the user reads after. Components only render this.
 * The workbook is read again before each write: the user may have typed since the last analysis.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Decimal from 'decimal.js';
import type { PaneSettings, WorkbookActions } from '../adapters/office/workbook-actions';
import type { Finding } from '../domain/finding';
import { type WorkbookSummary, summarise } from '../domain/summary';
import type { OptionOverrides } from '../domain/workbook';
import { type Analysis, analyseGrid } from '../layout/analyse';
import { formatPercent, percent, sumMoney } from '../domain/money';
import { claimToolSheets, planControlsSheet, planDerivedFormulas, planVoletTemplates } from '../layout/fill';
import type { Grid } from '../layout/grid';
import { type ChartData, planMidTermReport } from '../layout/report/mid-term-report';
import { shownCumul, totalSpent } from '../layout/report/statement';
import type { WritePlan } from '../layout/write-plan';
import { describeError } from './describe-error';

export interface PaneMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  title: string;
  text: string;
}

export interface Busy {
  label: string;
  /** 0..1, or undefined while the length of the step is unknown. */
  fraction?: number;
}

export interface AnalysisView {
  analysis: Analysis;
  summary: WorkbookSummary;
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

const REPORT_TITLE = 'Préparer le rapport à mi-parcours';

export type WriteKind = 'recalculer' | 'volets' | 'controles';

const WRITES: Record<WriteKind, { title: string; plan: (grid: Grid, analysis: Analysis) => WritePlan }> = {
  recalculer: { title: 'Recalculer les colonnes', plan: planDerivedFormulas },
  // A sheet of the user bearing a tool sheet's name is kept; the tool's takes another name.
  volets: { title: 'Remplir les volets 1/2/3', plan: (grid, analysis) => claimToolSheets(grid, planVoletTemplates(grid, analysis)).plan },
  controles: { title: 'Écrire la feuille « Contrôles »', plan: (grid, analysis) => claimToolSheets(grid, planControlsSheet(analysis)).plan },
};

export function overridesOf(s: PaneSettings): OptionOverrides {
  return {
    ...(s.fseAsCd !== undefined ? { fseAsCd: s.fseAsCd } : {}),
    ...(s.underspendThreshold !== undefined ? { underspendThreshold: new Decimal(String(s.underspendThreshold)) } : {}),
  };
}

export function usePane(actions: WorkbookActions) {
  const [view, setView] = useState<AnalysisView | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(() => {
    const reason = actions.unsupportedReason();
    return reason ? { intent: 'error', title: 'Version d’Excel non prise en charge', text: reason } : null;
  });
  const [settings, setSettings] = useState<PaneSettings>({});
  const [marked, setMarked] = useState(() => actions.hasMarks());
  const [report, setReport] = useState<ReportView | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  useEffect(() => {
    actions.loadSettings().then(setSettings, (e: unknown) => setMessage(describeError(e, 'Réglages')));
  }, [actions]);

  /** Runs one user action: busy while it runs, its error as a message, never an exception out. */
  const task = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy({ label });
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage(describeError(e, label));
    } finally {
      setBusy(null);
    }
  }, []);

  const readAndAnalyse = useCallback(async (): Promise<{ grid: Grid; analysis: Analysis }> => {
    setBusy({ label: 'Lecture du classeur…' });
    const grid = await actions.readWorkbook();
    setBusy({ label: 'Contrôle des annexes…' });
    const analysis = analyseGrid(grid, overridesOf(settingsRef.current));
    setView({ analysis, summary: summarise(analysis.workbook, analysis.options), analysedAt: new Date() });
    return { grid, analysis };
  }, [actions]);

  const analyse = useCallback(
    () =>
      task('Analyser le classeur', async () => {
        const { analysis } = await readAndAnalyse();
        const n = analysis.findings.length;
        setMessage({
          intent: n === 0 ? 'success' : 'info',
          title: 'Analyse terminée',
          text: n === 0 ? 'Aucun constat : les annexes sont cohérentes.' : `${n} constat${n > 1 ? 's' : ''} : cliquez sur l’un d’eux pour afficher sa cellule.`,
        });
      }),
    [task, readAndAnalyse],
  );

  const write = useCallback(
    (kind: WriteKind) =>
      task(WRITES[kind].title, async () => {
        const { grid, analysis } = await readAndAnalyse();
        const plan = WRITES[kind].plan(grid, analysis);
        if (plan.writes.length === 0 && plan.createSheets.length === 0) {
          setMessage({ intent: 'info', title: WRITES[kind].title, text: 'Rien à écrire : le classeur est déjà à jour.' });
          return;
        }
        const result = await actions.applyWrites(plan, (fraction, label) => setBusy({ label, fraction }));
        await readAndAnalyse();
        const sheets = [...result.sheetsCreated, ...result.sheetsReplaced];
        setMessage({
          intent: 'success',
          title: `${WRITES[kind].title} : terminé`,
          text:
            `${result.cellsWritten} cellule${result.cellsWritten > 1 ? 's' : ''} écrite${result.cellsWritten > 1 ? 's' : ''}` +
            (sheets.length ? ` ; feuilles : ${sheets.map((s) => `« ${s} »`).join(', ')}` : '') +
            `. ${plan.description} « Annuler la dernière écriture » rétablit le classeur d’avant.`,
        });
      }),
    [task, readAndAnalyse, actions],
  );

  const prepareReport = useCallback(
    () =>
      task(REPORT_TITLE, async () => {
        const { grid, analysis } = await readAndAnalyse();
        setBusy({ label: 'Préparation du rapport…' });
        const r = planMidTermReport(grid, analysis);
        const result = await actions.applyWrites(r.plan, (fraction, label) => setBusy({ label, fraction }), r.charts);
        await readAndAnalyse();
        const cumul = r.statement.actions.map(shownCumul);
        const rate = percent(sumMoney(cumul.map(totalSpent)), sumMoney(cumul.map((c) => c.planned)));
        const n = r.statement.actions.length;
        setReport({ chartData: r.chartData, actions: n, rate, description: r.plan.description });
        const sheets = [...result.sheetsCreated, ...result.sheetsReplaced];
        setMessage({
          intent: n === 0 ? 'warning' : 'success',
          title: `${REPORT_TITLE} : terminé`,
          text:
            (n === 0 ? 'Aucune action CLS trouvée dans les blocs « Tableau financier »' : `${n} action${n > 1 ? 's' : ''} CLS`) +
            (rate ? ` ; taux de consommation 2024-2025 (réalisé / prévu) : ${formatPercent(rate)}` : '') +
            ` ; ${r.findings.length} constat${r.findings.length > 1 ? 's' : ''} ; feuilles : ${sheets.map((x) => `« ${x} »`).join(', ')}` +
            (result.chartsAdded > 0 ? ' ; graphique prévu / réalisé ajouté' : '') +
            '. « Annuler la dernière écriture » rétablit le classeur d’avant.',
        });
      }),
    [task, readAndAnalyse, actions],
  );

  const undo = useCallback(
    () =>
      task('Annuler la dernière écriture', async () => {
        setBusy({ label: 'Annulation…' });
        const result = await actions.undoLastWrite();
        if (!result.undone) {
          setMessage({ intent: 'info', title: 'Rien à annuler', text: 'Le classeur ne garde aucune écriture du complément à annuler.' });
          return;
        }
        await readAndAnalyse();
        setReport((prev) => (prev && prev.description === result.description ? null : prev));
        setMessage({ intent: 'success', title: 'Écriture annulée', text: `« ${result.description ?? ''} » est annulé : ${result.cellsRestored} cellule(s) rétablie(s), ${result.sheetsDeleted.length} feuille(s) retirée(s).` });
      }),
    [task, readAndAnalyse, actions],
  );

  const select = useCallback(
    async (f: Finding) => {
      try {
        await actions.selectCell(f.sheet, f.cell);
      } catch (e) {
        setMessage(describeError(e, 'Afficher la cellule'));
      }
    },
    [actions],
  );

  const toggleMarks = useCallback(
    () =>
      task(marked ? 'Retirer les marques' : 'Marquer les cellules', async () => {
        const result = await actions.toggleMarks(view?.analysis.findings ?? []);
        setMarked(result.marked > 0);
        setMessage({
          intent: 'success',
          title: result.marked > 0 ? 'Cellules marquées' : 'Marques retirées',
          text: result.marked > 0 ? `${result.marked} cellule(s) colorée(s) selon la gravité. Cliquez à nouveau pour retirer les couleurs.` : `${result.cleared} cellule(s) ont retrouvé leur couleur d’origine.`,
        });
      }),
    [task, actions, marked, view],
  );

  const saveSettings = useCallback(
    (next: PaneSettings) =>
      task('Enregistrer les réglages', async () => {
        await actions.saveSettings(next);
        setSettings(next);
        settingsRef.current = next;
        if (view) await readAndAnalyse();
        setMessage({ intent: 'success', title: 'Réglages enregistrés', text: 'Les réglages sont enregistrés dans le classeur : toute personne qui l’ouvre avec le complément verra les mêmes choix.' });
      }),
    [task, actions, view, readAndAnalyse],
  );

  return { view, busy, message, dismissMessage: () => setMessage(null), settings, marked, report, analyse, write, prepareReport, undo, select, toggleMarks, saveSettings };
}

export type PaneController = ReturnType<typeof usePane>;
