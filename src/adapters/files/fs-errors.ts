/**
 * What a file-system error means, in French, for the person at the keyboard: « le disque est
 * plein », not ENOSPC. Used for every output written and every folder walked, so no raw error code
 * ever reaches a message.
 */
const REASONS: Record<string, string> = {
  ENOSPC: 'le disque est plein',
  EDQUOT: 'votre quota d’espace disque est atteint',
  EROFS: 'le disque est en lecture seule',
  EACCES: 'accès refusé',
  EPERM: 'opération non permise',
  EISDIR: 'c’est un dossier, pas un fichier',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  ENOENT: 'le fichier ou le dossier n’existe pas',
  ENAMETOOLONG: 'le nom du fichier est trop long',
  ELOOP: 'le chemin tourne en rond (liens symboliques qui se renvoient l’un à l’autre)',
  EFBIG: 'le fichier dépasse la taille permise par le système de fichiers',
  EMFILE: 'trop de fichiers sont ouverts en même temps',
  ENFILE: 'trop de fichiers sont ouverts sur la machine',
  EBUSY: 'le fichier est utilisé par un autre programme',
  ETXTBSY: 'le fichier est utilisé par un autre programme',
  EIO: 'erreur matérielle de lecture ou d’écriture sur le disque',
  EEXIST: 'un fichier du même nom vient d’apparaître',
  EXDEV: 'le fichier ne peut pas être déplacé d’un disque à un autre',
  ENXIO: 'le périphérique n’est pas disponible',
  EPIPE: 'le programme qui lisait la sortie l’a fermée',
  ECONNRESET: 'la connexion a été coupée',
  ESTALE: 'le partage réseau n’est plus accessible',
  EAGAIN: 'la ressource est momentanément indisponible',
};

export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  // Node's own « ERR_… » codes are defects (a bad argument), not the file system's answer.
  return typeof code === 'string' && !code.startsWith('ERR_') ? code : undefined;
}

/** « le disque est plein », or a generic French phrase for a code we have not met. */
export function fsReason(e: unknown): string {
  const code = errnoCode(e);
  return (code && REASONS[code]) ?? 'erreur inattendue du système de fichiers';
}
