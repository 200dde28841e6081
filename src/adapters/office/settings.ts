/**
 * Settings kept by earlier versions of the pane in the document's settings (Office's per-document
 * storage). They reached the file only on save and `annexes check` never read them: the pane now
 * writes its readings into the « Paramètres » sheet (layout/fill/settings-plan.ts), with the
 * officer's consent. What an earlier version left here is offered for that write, then forgotten.
 */
import { WorkbookActionError } from './office-errors';
import type { OfficeApi } from './office-globals';

export interface PaneSettings {
  /** COFI-FT-VOLET2: count the FSE+ "valorisation" as CD money. */
  fseAsCd?: boolean;
  /** UNDERSPEND: consumption rate below which it warns, 0 < t ≤ 1 (0.8 = 80 %). */
  underspendThreshold?: number;
}

export const SETTINGS_KEY = 'annexes.reglages';

export function loadLegacySettings(office: OfficeApi): PaneSettings {
  return sanitize(office.context.document.settings.get(SETTINGS_KEY));
}

/** Only well-formed values survive: settings travel with a file anyone may have edited. */
export function sanitize(raw: unknown): PaneSettings {
  const out: PaneSettings = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.fseAsCd === 'boolean') out.fseAsCd = r.fseAsCd;
  if (typeof r.underspendThreshold === 'number' && r.underspendThreshold > 0 && r.underspendThreshold <= 1) {
    out.underspendThreshold = r.underspendThreshold;
  }
  return out;
}

export async function forgetLegacySettings(office: OfficeApi): Promise<void> {
  if (office.context.document.settings.get(SETTINGS_KEY) === null) return;
  office.context.document.settings.remove(SETTINGS_KEY);
  await saveDocumentSettings(office);
}

/** settings.saveAsync as a promise; a failure is said in French. */
export function saveDocumentSettings(office: OfficeApi): Promise<void> {
  return new Promise((resolve, reject) => {
    office.context.document.settings.saveAsync((result) => {
      if (String(result.status) === 'failed') {
        reject(new WorkbookActionError('Le complément n’a pas pu enregistrer ses données dans le classeur. Vérifiez qu’il n’est pas en lecture seule, puis recommencez.', { cause: result.error }));
      } else {
        resolve();
      }
    });
  });
}
