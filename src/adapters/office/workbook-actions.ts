/**
 * The adapter's one face to the pane: every action the pane can take on the workbook, already
 * bound to the `Excel`/`Office` globals (real or fake) and failing with French messages. The pane
 * receives this object through props/context and never sees Office.js.
 */
import type { Finding } from '../../domain/finding';
import type { Grid } from '../../layout/grid';
import type { ChartSpec } from '../../layout/report/report-plan';
import type { WritePlan } from '../../layout/write-plan';
import { type ProgressListener, type WriteResult, applyWrites } from './apply-writes';
import { hasMarks, toggleMarks } from './marks';
import { inFrench } from './office-errors';
import type { OfficeGlobals } from './office-globals';
import { readWorkbook } from './read-workbook';
import { selectCell } from './select-cell';
import { type PaneSettings, loadSettings, saveSettings } from './settings';
import { type UndoResult, undoLastWrite } from './undo-last-write';

export type { PaneSettings, ProgressListener, UndoResult, WriteResult };

export interface WorkbookActions {
  readWorkbook(): Promise<Grid>;
  /** `charts`: native charts added in the same batch, on sheets the plan creates. */
  applyWrites(plan: WritePlan, onProgress?: ProgressListener, charts?: ChartSpec[]): Promise<WriteResult>;
  undoLastWrite(): Promise<UndoResult>;
  selectCell(sheet: string, address: string): Promise<void>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Marks the findings' cells, or removes the marks when some are present. */
  toggleMarks(findings: Finding[]): Promise<{ marked: number; cleared: number }>;
  hasMarks(): boolean;
  /** French reason the host cannot run the add-in, or null. */
  unsupportedReason(): string | null;
}

/** The requirement set the manifest asks for; see manifest.xml for why this version. */
export const EXCEL_API_VERSION = '1.13';

export function createWorkbookActions({ excel, office }: OfficeGlobals): WorkbookActions {
  return {
    readWorkbook: () => inFrench('Lecture du classeur impossible', () => readWorkbook(excel)),
    applyWrites: (plan, onProgress, charts) => inFrench(`« ${plan.description} » a échoué`, () => applyWrites(excel, plan, { onProgress, charts })),
    undoLastWrite: () => inFrench('Annulation impossible', () => undoLastWrite(excel)),
    selectCell: (sheet, address) => inFrench(`Impossible d’afficher la cellule ${address}`, () => selectCell(excel, sheet, address)),
    loadSettings: () => inFrench('Lecture des réglages impossible', async () => loadSettings(office)),
    saveSettings: (s) => inFrench('Enregistrement des réglages impossible', () => saveSettings(office, s)),
    toggleMarks: (findings) => inFrench('Marquage des cellules impossible', () => toggleMarks(excel, office, findings)),
    hasMarks: () => hasMarks(office),
    unsupportedReason: () =>
      office.context.requirements.isSetSupported('ExcelApi', EXCEL_API_VERSION)
        ? null
        : `Cette version d’Excel est trop ancienne pour le complément (ExcelApi ${EXCEL_API_VERSION} requis : Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web).`,
  };
}
