import { normaliseText } from './text';

/**
 * The CLS axe of an action: the fiche number's first digit ("3.2" → "3"), else the axe label
 * ("Axe Lutter contre la grande exclusion…" → "3"). Axe 2 (emploi) is the France Travail convention.
 */
export function axeOf(fiche: string, axeLabel: string): string | undefined {
  const m = /^(\d+)\./.exec(fiche);
  if (m) return m[1];
  const t = normaliseText(axeLabel);
  if (!t) return undefined;
  const n = /\baxe\s*(\d+)/.exec(t);
  if (n) return n[1];
  if (/enfance/.test(t)) return '1';
  if (/emploi|insertion/.test(t)) return '2';
  if (/exclusion|acces aux droits/.test(t)) return '3';
  if (/transition ecologique/.test(t)) return '4';
  return t;
}
