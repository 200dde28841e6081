/**
 * Any failure → a message bar in plain French. The adapter's errors already are; anything else is
 * a defect of ours, said as such, with its technical detail for whoever the user forwards it to.
 */
import { WorkbookActionError } from '../adapters/office/office-errors';
import { UnreadableWorkbookError } from '../adapters/xlsx/errors';
import type { PaneMessage } from './use-pane';

export function describeError(e: unknown, action: string): PaneMessage {
  // Both speak French to the officer already; an unreadable file's message names the file.
  if (e instanceof WorkbookActionError || e instanceof UnreadableWorkbookError) return { intent: 'error', title: `${action} : échec`, text: e.message };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    intent: 'error',
    title: `${action} : erreur inattendue`,
    text: `Le complément a rencontré une erreur qu’il ne sait pas expliquer ; si elle écrivait dans le classeur, l’onglet Écritures permet de l’annuler. Détail technique : ${detail}`,
  };
}
