/**
 * What Excel accepts in `range.formulas`: the English (invariant) dialect only. Function names are
 * English and arguments are separated by commas; `formulasLocal` is the API for "=SOMME(A1;A2)".
 * Through `formulas`, a semicolon is a syntax error (Excel refuses the input: InvalidArgument), and a
 * French function name is an unknown name (Excel accepts it and the cell shows #NAME?).
 */

/** French names of the functions an annex workbook uses, as Excel in French spells them. */
const FRENCH_FUNCTIONS = new Set([
  'SOMME', 'SI', 'SIERREUR', 'ARRONDI', 'ARRONDI.SUP', 'ARRONDI.INF', 'MOYENNE', 'NB', 'NBVAL', 'NB.SI',
  'SOMME.SI', 'SOMME.SI.ENS', 'RECHERCHEV', 'RECHERCHEH', 'ET', 'OU', 'NON', 'AUJOURDHUI', 'ANNEE', 'MOIS',
  'JOUR', 'LIEN_HYPERTEXTE', 'CONCATENER', 'GAUCHE', 'DROITE', 'STXT', 'TEXTE', 'CNUM', 'ESTVIDE',
  'ESTNUM', 'ESTERREUR', 'SOMMEPROD', 'EQUIV', 'DECALER',
]);

export type FormulaCheck = { ok: true } | { ok: false; syntaxError: true } | { ok: false; nameError: string };

/** Text outside double-quoted strings (strings replaced by ""), for the checks below. */
export function outsideStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

export function checkFormula(formula: string): FormulaCheck {
  const code = outsideStrings(formula);
  if (code.includes(';')) return { ok: false, syntaxError: true };
  let depth = 0;
  for (const ch of code) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return { ok: false, syntaxError: true };
  }
  if (depth !== 0) return { ok: false, syntaxError: true };
  for (const m of code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)) {
    if (FRENCH_FUNCTIONS.has(m[1].toUpperCase())) return { ok: false, nameError: m[1] };
  }
  return { ok: true };
}
