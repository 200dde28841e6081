/**
 * Excel's errors in plain French for the pane's message bars. Office.js errors carry a stable
 * `code` (OfficeExtension.ErrorCodes); the English message stays in `cause` for the log only.
 */
export class WorkbookActionError extends Error {
  override readonly name = 'WorkbookActionError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const BY_CODE: Record<string, string> = {
  AccessDenied: 'Excel refuse la modification : le classeur ou la feuille est protégé. Ôtez la protection (onglet Révision) puis recommencez.',
  InvalidOperationInCellEditMode: 'Excel est en train de modifier une cellule. Appuyez sur Entrée ou Échap dans la feuille, puis recommencez.',
  ItemNotFound: 'Une feuille ou une cellule attendue n’existe plus dans le classeur (renommée ou supprimée ?). Relancez l’analyse.',
  ItemAlreadyExists: 'Une feuille porte déjà le nom que le complément voulait créer. Renommez-la puis recommencez.',
  RequestPayloadSizeLimitExceeded: 'Le classeur est trop volumineux pour être échangé en une fois avec Excel sur le web. Ouvrez-le dans Excel pour le bureau.',
  ResponsePayloadSizeLimitExceeded: 'Le classeur est trop volumineux pour être lu en une fois par Excel sur le web. Ouvrez-le dans Excel pour le bureau.',
  InsertDeleteConflict: 'Excel a refusé l’écriture : elle déplacerait un tableau ou une plage fusionnée existante.',
  InvalidArgument: 'Excel a refusé une valeur à écrire (format ou taille inattendus).',
  InvalidOperation: 'Excel a refusé l’opération dans l’état actuel du classeur.',
  InvalidReference: 'Une référence de cellule n’est plus valide dans le classeur.',
  Conflict: 'Le classeur a été modifié en même temps par quelqu’un d’autre. Recommencez dans un instant.',
  ServiceNotAvailable: 'Excel ne répond pas pour le moment. Recommencez dans un instant.',
};

/** A message a finance officer can act on, for any error the adapter lets through. */
export function frenchErrorMessage(e: unknown): string {
  if (e instanceof WorkbookActionError) return e.message;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const known = BY_CODE[code];
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
