/**
 * The pane's settings, kept in the workbook (Office document settings) rather than in the browser:
 * a controller who opens the file sees the readings the finance officer chose (FSE+ counted or not,
 * under-consumption threshold). Unset = the workbook's Paramètres sheet, else the defaults.
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

export function loadSettings(office: OfficeApi): PaneSettings {
  const raw = office.context.document.settings.get(SETTINGS_KEY);
  return sanitize(raw);
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

export function saveSettings(office: OfficeApi, settings: PaneSettings): Promise<void> {
  const store = office.context.document.settings;
  store.set(SETTINGS_KEY, sanitize(settings));
  return saveDocumentSettings(office);
}

/** settings.saveAsync as a promise; a failure is the user's business (the choice is not kept). */
export function saveDocumentSettings(office: OfficeApi): Promise<void> {
  return new Promise((resolve, reject) => {
    office.context.document.settings.saveAsync((result) => {
      if (String(result.status) === 'failed') {
        reject(new WorkbookActionError('Les réglages n’ont pas pu être enregistrés dans le classeur. Vérifiez qu’il n’est pas en lecture seule, puis recommencez.', { cause: result.error }));
      } else {
        resolve();
      }
    });
  });
}
