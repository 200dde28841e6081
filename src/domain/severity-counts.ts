import type { Severity } from './finding';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
/** Singular, plural and the word for none: « aucune erreur », not « 0 erreur(s) ». */
const NOUNS: Record<Severity, [string, string, string]> = {
  error: ['erreur', 'erreurs', 'aucune erreur'],
  warning: ['avertissement', 'avertissements', 'aucun avertissement'],
  info: ['information', 'informations', 'aucune information'],
};

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * « 11 erreurs, 1 avertissement et aucune information » (`withNone`), or only the severities
 * found: « 33 erreurs et 1 information ».
 */
export function severityCountsText(counts: SeverityCounts, withNone: boolean): string {
  const parts = SEVERITIES.filter((s) => withNone || counts[s] > 0).map((s) => {
    const [one, many, none] = NOUNS[s];
    return counts[s] === 0 ? none : `${counts[s]} ${counts[s] > 1 ? many : one}`;
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** « 55 erreurs, 2 avertissements, 0 information »: the check's one-line summary (JSON `message`, « Contrôles » sheet). */
export function severitySummary(c: SeverityCounts): string {
  return SEVERITIES.map((s) => `${c[s]} ${NOUNS[s][c[s] > 1 ? 1 : 0]}`).join(', ');
}
