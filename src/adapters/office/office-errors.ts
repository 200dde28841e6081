/**
 * Excel's errors in plain French for the pane's message bars. Office.js errors carry a stable `code`
 * (Microsoft's list "Error handling with the application-specific JavaScript APIs": the common codes
 * and the Excel-specific ones); every code of that list has its sentence here, saying what to do. The
 * English message stays in `cause`, for whoever the user forwards it to.
 */
export class WorkbookActionError extends Error {
  override readonly name: string = 'WorkbookActionError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A write that stopped part-way: some of its cells or sheets are in the workbook, the others not.
 * Its undo record was saved first, so « Annuler » puts the workbook back.
 */
export class PartialWriteError extends WorkbookActionError {
  override readonly name = 'PartialWriteError';

  constructor(
    message: string,
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Excel did not answer within the time allowed: what happened is unknown until the next read. */
export class ExcelTimeoutError extends WorkbookActionError {
  override readonly name = 'ExcelTimeoutError';
  /** Set by an action that had not yet sent anything that writes: nothing can have changed. */
  nothingWritten = false;
}

/** Runs an action whose first steps only read: a timeout there is said to have changed nothing. */
export async function readsFirst<T>(action: (startWriting: () => void) => Promise<T>): Promise<T> {
  let writing = false;
  try {
    return await action(() => (writing = true));
  } catch (e) {
    if (e instanceof ExcelTimeoutError && !writing) e.nothingWritten = true;
    throw e;
  }
}

const RETRY = 'Recommencez dans un instant.';
const LIMIT = 'Ouvrez le classeur dans Excel pour le bureau, ou réduisez la zone utilisée des feuilles (lignes ou colonnes vides mais remplies tout en bas ou tout à droite).';

/** Every code of Microsoft's list (common, then Excel-specific), and the few Office.js adds on the client. */
export const FRENCH_BY_CODE: Readonly<Record<string, string>> = {
  // Common codes.
  AccessDenied: 'Excel refuse la modification : la feuille ou le classeur est protégé, ou le fichier est en lecture seule. Ôtez la protection (onglet Révision) ou enregistrez une copie modifiable, puis recommencez.',
  ActivityLimitReached: `Excel limite le nombre d’opérations en cours. ${RETRY}`,
  ApiNotAvailable: 'Cette fonction d’Excel n’est pas disponible ici (version ou plateforme). Mettez Excel à jour, ou utilisez Excel pour le bureau ou sur le web.',
  ApiNotFound: 'Cette version d’Excel ne connaît pas une fonction dont le complément a besoin. Mettez Excel à jour (Microsoft 365, Excel 2021 ou plus récent) ou utilisez Excel sur le web.',
  BadPassword: 'Le mot de passe donné à Excel est incorrect.',
  'Client Error': `Excel a signalé une erreur du côté du navigateur ou du poste. Fermez puis rouvrez le volet, et recommencez.`,
  Conflict: `Le classeur a été modifié en même temps par quelqu’un d’autre (co-édition). ${RETRY}`,
  ContentLengthRequired: `Excel n’a pas pu traiter la demande du complément (en-tête manquant). ${RETRY}`,
  GeneralException: 'Excel a rencontré une erreur interne en traitant la demande. Enregistrez le classeur, fermez puis rouvrez le volet, et recommencez.',
  HostRestartNeeded: 'Excel doit être redémarré (le complément a été mis à jour). Enregistrez le classeur, fermez Excel et rouvrez-le.',
  InsertDeleteConflict: 'Excel a refusé l’opération : elle déplacerait un tableau, un tableau croisé ou une plage fusionnée existante.',
  InvalidArgument: 'Excel a refusé une valeur ou une adresse transmise par le complément (format ou taille inattendus).',
  InvalidBinding: 'Une liaison du classeur n’est plus valide après des modifications. Relancez l’analyse.',
  InvalidOperation: 'Excel a refusé l’opération dans l’état actuel du classeur (feuille masquée, dernière feuille visible, cellule en cours de modification…).',
  InvalidReference: 'Une référence de cellule ou de feuille n’est plus valide dans le classeur (supprimée ou déplacée ?). Relancez l’analyse.',
  InvalidRequest: `Excel n’a pas pu traiter la demande du complément. ${RETRY}`,
  InvalidRibbonDefinition: 'Excel a refusé la définition du ruban du complément.',
  InvalidSelection: 'La sélection actuelle ne permet pas cette opération : cliquez sur une cellule de la feuille, puis recommencez.',
  ItemAlreadyExists: 'Un élément du même nom existe déjà dans le classeur (feuille ou nom défini). Renommez-le puis recommencez.',
  ItemNotFound: 'Une feuille ou une cellule attendue n’existe plus dans le classeur (renommée ou supprimée ?). Relancez l’analyse.',
  MemoryLimitReached: 'Excel manque de mémoire pour cette opération. Fermez d’autres classeurs ou onglets, puis recommencez.',
  NotImplemented: 'Cette fonction n’est pas disponible dans cette version ou sur cette plateforme d’Excel. Essayez Excel pour le bureau ou sur le web, à jour.',
  RequestAborted: `La demande à Excel a été interrompue. ${RETRY}`,
  RequestPayloadSizeLimitExceeded: `La demande envoyée à Excel dépasse la taille qu’Excel sur le web accepte (5 Mo). ${LIMIT}`,
  ResponsePayloadSizeLimitExceeded: `La réponse d’Excel dépasse la taille qu’Excel sur le web accepte (5 Mo). ${LIMIT}`,
  ServiceNotAvailable: `Le service Excel n’est pas disponible pour le moment. ${RETRY}`,
  Unauthenticated: 'Excel demande une authentification : reconnectez-vous à Microsoft 365, puis recommencez.',
  UnsupportedFeature: 'Le classeur contient un élément qu’Excel ne sait pas traiter pour cette opération.',
  UnsupportedOperation: 'Cette opération n’est pas prise en charge par Excel ici.',
  // Excel-specific codes.
  EmptyChartSeries: 'Excel a refusé de tracer le graphique : une de ses séries est vide.',
  FilteredRangeConflict: 'Un filtre est actif sur la zone à modifier : effacez le filtre (onglet Données), puis recommencez.',
  FormulaLengthExceedsLimit: 'Une formule dépasse la longueur qu’Excel accepte. Raccourcissez-la (ou scindez-la sur plusieurs cellules), puis recommencez.',
  InactiveWorkbook: 'Plusieurs classeurs sont ouverts et celui du volet n’est plus au premier plan. Cliquez dans ce classeur, puis recommencez.',
  InvalidOperationInCellEditMode: 'Excel est en train de modifier une cellule. Appuyez sur Entrée ou Échap dans la feuille, puis recommencez.',
  MergedRangeConflict: 'Des cellules fusionnées gênent l’opération (elles chevauchent la zone à écrire). Annulez la fusion de ces cellules, puis recommencez.',
  NonBlankCellOffSheet: 'Excel ne peut pas insérer de cellules : des cellules non vides seraient repoussées hors de la feuille. Supprimez les lignes ou colonnes inutiles en bas ou à droite, puis recommencez.',
  OperationCellsExceedLimit: `L’opération touche plus de cellules qu’Excel sur le web n’en accepte (33 554 000). ${LIMIT}`,
  PivotTableRangeConflict: 'Un tableau croisé dynamique occupe la zone à modifier : déplacez-le, puis recommencez.',
  RangeExceedsLimit: `Une zone à lire dépasse le nombre de cellules qu’Excel accepte en une lecture (5 000 000). ${LIMIT}`,
  RefreshWorkbookLinksBlocked: 'Excel bloque la mise à jour des liaisons vers d’autres classeurs : autorisez-la (barre de message d’Excel), puis recommencez.',
  UnsupportedSheet: 'Cette feuille ne permet pas l’opération (feuille de graphique ou de macros).',
  // Raised by Office.js itself on the client.
  PropertyNotLoaded: 'Le complément a lu une information d’Excel avant de l’avoir demandée (défaut du complément). Fermez puis rouvrez le volet, et transmettez ce message à votre support.',
  InvalidRequestContext: 'Le complément a utilisé un objet Excel hors de son contexte (défaut du complément). Fermez puis rouvrez le volet, et transmettez ce message à votre support.',
};

/** The code of an Office.js error (OfficeExtension.Error.code, or debugInfo.code), or ''. */
export function officeErrorCode(e: unknown): string {
  if (typeof e !== 'object' || e === null) return '';
  const o = e as { code?: unknown; debugInfo?: { code?: unknown } };
  return typeof o.code === 'string' ? o.code : typeof o.debugInfo?.code === 'string' ? o.debugInfo.code : '';
}

/** A message a finance officer can act on, for any error the adapter lets through. */
export function frenchErrorMessage(e: unknown): string {
  if (e instanceof WorkbookActionError) return e.message;
  const known = FRENCH_BY_CODE[officeErrorCode(e)];
  if (known) return known;
  return 'Excel a signalé une erreur inattendue. Enregistrez le classeur, fermez puis rouvrez le volet, et recommencez.';
}

/** Wraps any failure of an action into a WorkbookActionError with a French message. */
export async function inFrench<T>(what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof WorkbookActionError) throw e;
    throw new WorkbookActionError(`${what} : ${frenchErrorMessage(e)}`, { cause: e });
  }
}
