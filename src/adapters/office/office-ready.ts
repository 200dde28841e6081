/// <reference types="office-js" />
/**
 * Waits for office.js and hands the pane its globals, once, here: the pane's entry point never
 * names `Office` or `Excel`. Host detection is Office.onReady's own answer (no helper library).
 */
import { WorkbookActionError } from './office-errors';
import type { ExcelApi, OfficeApi, OfficeGlobals } from './office-globals';

interface OfficeWindow {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

export async function whenOfficeReady(scope: OfficeWindow = globalThis as OfficeWindow): Promise<OfficeGlobals> {
  const office = scope.Office;
  if (!office) {
    throw new WorkbookActionError('La bibliothèque Office (office.js) n’a pas pu être chargée. Ouvrez ce volet depuis Excel, onglet Accueil, bouton « Annexes financières ».');
  }
  const info = await office.onReady();
  if (info.host !== office.HostType.Excel || !scope.Excel) {
    throw new WorkbookActionError('Ce volet fonctionne dans Excel (bureau ou web) : ouvrez-le depuis un classeur Excel.');
  }
  return { excel: scope.Excel as unknown as ExcelApi, office: office as unknown as OfficeApi };
}

/** The ribbon's function file: nothing to register (the button only opens the pane). */
export async function initialiseCommands(scope: OfficeWindow = globalThis as OfficeWindow): Promise<void> {
  await scope.Office?.onReady();
}
