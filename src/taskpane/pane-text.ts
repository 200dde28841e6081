/**
 * French the pane writes itself: counts with their plural spelled out (« 1 cellule écrite »,
 * « 3 cellules écrites », 0 taking the singular as French does), dates as an officer reads them, and
 * findings' messages told in the pane's own words — a message written for the command line names
 * its options (« --fse-as-cd »), the pane names its own controls instead.
 */

import { type Money, formatEuro, formatPercent } from '../domain/money';

const FR = new Intl.NumberFormat('fr-FR');

/** "1 cellule écrite", "12 cellules écrites", "0 feuille". */
export function count(n: number, one: string, many: string): string {
  return `${FR.format(n)} ${n > 1 ? many : one}`;
}

/** « A, B et C ». */
export function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** Sheet names, quoted: « A », « B » et « C ». */
export function listNames(names: string[]): string {
  return andList(names.map((n) => `« ${n} »`));
}

/**
 * Sheets the marks left alone because their protection forbids cell formatting, and what the
 * officer can do about it (the French dialog's own words).
 */
export function protectedSheetsText(names: string[], removing: boolean): string {
  const n = names.length;
  if (n === 0) return '';
  const plural = n > 1 ? 's' : '';
  const what = removing
    ? `Marques laissées sur ${n > 1 ? 'les feuilles' : 'la feuille'} ${listNames(names)}, protégée${plural} contre la mise en forme`
    : `${count(n, 'feuille laissée', 'feuilles laissées')} telle${plural} quelle${plural}, car protégée${plural} contre la mise en forme : ${listNames(names)}`;
  const it = n > 1 ? 'les' : 'la';
  return `${what}. Pour ${removing ? 'les retirer' : `${it} marquer`}, ôtez ${n > 1 ? 'leur' : 'sa'} protection (Révision › Ôter la protection de la feuille) ou protégez-${it} en cochant « Format de cellule », puis cliquez de nouveau.`;
}

/** "aujourd’hui à 14:32", "le 12/03/2025 à 09:05". */
export function whenWritten(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  const sameDay = d.toDateString() === now.toDateString();
  return sameDay ? `aujourd’hui à ${time}` : `le ${d.toLocaleDateString('fr-FR')} à ${time}`;
}

/** The pane's controls for the readings the command line sets with options. */
const PANE_CONTROLS: Record<string, string> = {
  '--fse-as-cd': 'le réglage « Compter la valorisation FSE+ comme part du Département » (onglet Réglages)',
  '--no-fse-as-cd': 'le réglage « Compter la valorisation FSE+ comme part du Département » (onglet Réglages)',
  '--underspend-threshold': 'le réglage « Seuil de sous-consommation » (onglet Réglages)',
};

/** A finding's message as the pane shows it: « option --x » becomes the pane's control for it. */
export function inPaneWords(message: string): string {
  return frenchSpacing(message.replace(/option (--[a-z][a-z-]*)/g, (_m, flag: string) => PANE_CONTROLS[flag] ?? `l’option ${flag} de la commande annexes check`));
}

/**
 * French typography in a narrow pane: the space before « : ; ! ? » and inside « » does not break
 * (a line never starts with a colon or a closing guillemet), nor the one before « € » or « % »
 * (formatEuro's « 60,00 € » stays whole).
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;!?»€%])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/** An amount as the pane shows it: « 1 236 000,00 € », never split before its « € ». */
export const euro = (m: Money): string => frenchSpacing(formatEuro(m));

/** A rate as the pane shows it: « 48,79 % », never split before its « % ». */
export const rate = (p: Money): string => frenchSpacing(formatPercent(p));
