/**
 * The adapter's one face to the pane: every action the pane can take on the workbook, already
 * bound to the `Excel`/`Office` globals (real or fake), each round trip bounded in time, failing with
 * French messages. The pane receives this object through props and never sees Office.js.
 */
import type { Finding } from '../../domain/finding';
import type { Grid } from '../../layout/grid';
import type { ChartSpec } from '../../layout/report/report-plan';
import type { WritePlan } from '../../layout/write-plan';
import { type ProgressListener, type Touched, type WriteResult, applyWrites } from './apply-writes';
import { type ChangeEvent, isOwnChange, watchChanges, workbookFingerprint } from './change-watch';
import { SYNC_TIMEOUT_MS } from './excel-limits';
import { type MarksResult, hasMarks, toggleMarks } from './marks';
import { ExcelTimeoutError, WorkbookActionError, inFrench } from './office-errors';
import type { OfficeGlobals } from './office-globals';
import { readWorkbook } from './read-workbook';
import { selectCell } from './select-cell';
import { type PaneSettings, forgetLegacySettings, loadLegacySettings } from './settings';
import { withSyncTimeout } from './timed-excel';
import { type UndoResult, forgetLastWrite, undoLastWrite } from './undo-last-write';
import { listWrites } from './undo-stack';

export type { MarksResult, PaneSettings, ProgressListener, UndoResult, WriteResult };

/** One write of the undo stack, as the pane lists it. */
export interface WriteEntry {
  id: number;
  description: string;
  writtenAt: string;
  /** False for a write that stopped part-way (still undoable). */
  complete: boolean;
}

export interface WorkbookActions {
  readWorkbook(onProgress?: ProgressListener): Promise<Grid>;
  /** `charts`: native charts added in the same batch, on sheets the plan creates or rewrites. */
  applyWrites(plan: WritePlan, onProgress?: ProgressListener, charts?: ChartSpec[]): Promise<WriteResult>;
  /** Undoes the newest write of the stack. */
  undoLastWrite(): Promise<UndoResult>;
  /** Drops the newest write from the stack without undoing it. */
  forgetLastWrite(): Promise<{ forgotten: boolean; description?: string }>;
  /** The stack, newest first. */
  listWrites(): Promise<WriteEntry[]>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Readings an earlier version kept in the document settings (not seen by `annexes check`). */
  legacySettings(): PaneSettings;
  forgetLegacySettings(): Promise<void>;
  /** Marks the findings' cells, or removes the marks when some are present. */
  toggleMarks(findings: Finding[]): Promise<MarksResult>;
  hasMarks(): boolean;
  /**
   * Calls `onChange` when the user changes the workbook (not for the add-in's own writes). Returns
   * a function that stops watching, or null where Excel cannot raise the events.
   */
  watchChanges(onChange: () => void): Promise<(() => void) | null>;
  /** A cheap summary of the workbook (sheets and used ranges), for the fallback check. */
  fingerprint(): Promise<string>;
  /** French reason the host cannot run the add-in, or null. */
  unsupportedReason(): string | null;
}

/** The requirement set the manifest asks for; see manifest.xml for why this version. */
export const EXCEL_API_VERSION = '1.13';

export interface ActionOptions {
  /** A round trip slower than this ends the action with a French message. */
  syncTimeoutMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

/**
 * How long after an action its change events are still taken for its own: Excel raises them after
 * the round trip that caused them (office-js #1122), not for ever — the officer goes on to type in
 * the sheets the add-in has just filled, and those edits are changes since the analysis.
 */
export const OWN_EVENTS_GRACE_MS = 10_000;

export function createWorkbookActions({ excel: raw, office }: OfficeGlobals, options: ActionOptions = {}): WorkbookActions {
  const timeoutMs = options.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
  const excel = withSyncTimeout(raw, timeoutMs);
  // Where the last action wrote: the change events it raises are not the user's.
  const now = options.now ?? Date.now;
  let own: Touched = { sheetIds: [], areas: [] };
  let ownUntil = 0;
  const remember = <T extends { touched: Touched }>(r: T): T => {
    own = r.touched;
    ownUntil = now() + OWN_EVENTS_GRACE_MS;
    return r;
  };
  /** A timed-out write may have happened in part: say what to do. */
  const timed = async <T>(what: string, write: boolean, action: () => Promise<T>): Promise<T> => {
    try {
      return await inFrench(what, action);
    } catch (e) {
      if (!(e instanceof ExcelTimeoutError)) throw e;
      const next = write && !e.nothingWritten
        ? 'L’écriture a pu se faire en partie : relancez l’analyse pour voir le classeur ; si elle figure dans l’onglet Écritures, « Annuler » la défait.'
        : 'Rien n’a été modifié. Vérifiez que le classeur répond (une cellule en cours de saisie ?), puis recommencez.';
      throw new WorkbookActionError(`${what} : ${e.message} ${next}`, { cause: e });
    }
  };
  return {
    readWorkbook: (onProgress) => timed('Lecture du classeur impossible', false, () => readWorkbook(excel, { onProgress })),
    applyWrites: (plan, onProgress, charts) => timed(`« ${plan.description} » a échoué`, true, async () => remember(await applyWrites(excel, plan, { onProgress, charts }))),
    undoLastWrite: () => timed('Annulation impossible', true, async () => remember(await undoLastWrite(excel))),
    forgetLastWrite: () => timed('Retrait de l’écriture impossible', false, () => forgetLastWrite(excel)),
    listWrites: () => timed('Lecture de la liste des écritures impossible', false, async () => (await listWrites(excel)).map(({ id, description, writtenAt, complete }) => ({ id, description, writtenAt, complete }))),
    selectCell: (sheet, address) => timed(`Impossible d’afficher la cellule ${address}`, false, () => selectCell(excel, sheet, address)),
    legacySettings: () => loadLegacySettings(office),
    forgetLegacySettings: () => inFrench('Réglages', () => forgetLegacySettings(office)),
    toggleMarks: (findings) => timed('Marquage des cellules impossible', true, () => toggleMarks(excel, office, findings)),
    hasMarks: () => hasMarks(office),
    watchChanges: (onChange) =>
      watchChanges(raw, (e: ChangeEvent) => {
        if (now() > ownUntil || !isOwnChange(e, own)) onChange();
      }),
    fingerprint: () => timed('Vérification du classeur impossible', false, () => workbookFingerprint(excel)),
    unsupportedReason: () =>
      office.context.requirements.isSetSupported('ExcelApi', EXCEL_API_VERSION)
        ? null
        : `Cette version d’Excel est trop ancienne pour le complément (ExcelApi ${EXCEL_API_VERSION} requis : Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web).`,
  };
}
