/**
 * The one error the xlsx adapter lets out. Messages are French and name the file because they are
 * shown as-is to the person who submitted the workbook; the low-level cause (JSZip, fs…) stays in
 * `cause` for debugging only.
 */
export type UnreadableReason = 'not-found' | 'too-large' | 'not-xlsx';

export class UnreadableWorkbookError extends Error {
  override readonly name = 'UnreadableWorkbookError';

  constructor(
    readonly fileLabel: string,
    readonly reason: UnreadableReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function workbookNotFound(fileLabel: string, cause?: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError(fileLabel, 'not-found', `Le fichier « ${fileLabel} » est introuvable.`, { cause });
}

/** The file is there but the system refused to read it (rights, disk, a file in use): said in French. */
export function workbookNotReadable(fileLabel: string, reason: string, cause?: unknown): UnreadableWorkbookError {
  return new UnreadableWorkbookError(fileLabel, 'not-found', `Le fichier « ${fileLabel} » n'a pas pu être lu (${reason}).`, { cause });
}

export function workbookTooLarge(fileLabel: string, size: number, max: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    fileLabel,
    'too-large',
    `Le fichier « ${fileLabel} » dépasse la taille maximale autorisée (${megabytes(size)} pour ${megabytes(max)} au plus).`,
  );
}

/** `detail` says why, when known ("le fichier est incomplet…"); without it, the .xlsx format is expected. */
export function workbookNotXlsx(fileLabel: string, cause?: unknown, detail?: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    fileLabel,
    'not-xlsx',
    `Le fichier « ${fileLabel} » n'est pas un classeur Excel lisible${detail ? ` : ${detail}.` : ' (format .xlsx attendu).'}`,
    { cause },
  );
}

/** Zip bombs: what the archive would inflate to, checked before anything is inflated in memory. */
export function workbookTooLargeUncompressed(fileLabel: string, size: number, max: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    fileLabel,
    'too-large',
    `Le fichier « ${fileLabel} » dépasse la taille maximale autorisée une fois décompressé (${megabytes(size)} pour ${megabytes(max)} au plus) ; il n'a pas été ouvert.`,
  );
}

export function workbookTooManyParts(fileLabel: string, count: number, max: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    fileLabel,
    'too-large',
    `Le fichier « ${fileLabel} » contient trop d'éléments internes (${count.toLocaleString('fr-FR')} pour ${max.toLocaleString('fr-FR')} au plus) ; il n'a pas été ouvert.`,
  );
}

/** "12,3 Mo" — French decimal comma, as the message is read by French users. */
function megabytes(bytes: number): string {
  const mo = bytes / (1024 * 1024);
  const digits = mo < 10 ? 1 : 0;
  return `${mo.toLocaleString('fr-FR', { maximumFractionDigits: digits })} Mo`;
}
