import Decimal from 'decimal.js';
import type { OptionOverrides } from '../../domain/workbook';

export type OutputFormat = 'text' | 'json' | 'csv' | 'xlsx';
const FORMATS: OutputFormat[] = ['text', 'json', 'csv', 'xlsx'];

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  out?: string;
  overrides: OptionOverrides;
  maxFileBytes?: number;
  maxUncompressedBytes?: number;
  /** Files checked at once (default: the available cores). */
  jobs?: number;
  /** Folder for the return documents, one workbook per file checked (--par-departement). */
  returnFolder?: string;
  /** Time one file may take, in ms (default: from its size, see check-pool's fileTimeoutMs). */
  timeoutMs?: number;
}

export type ParsedCheckArgs = CheckArgs | { command: 'help' } | { command: 'error'; message: string };

export const CHECK_USAGE = `Usage : annexes check <fichier-ou-dossier>... [options]

Contrôle les annexes financières (CLS « Tableau financier », France Travail « Construction du plan
de financement », « Plan d'action ») des classeurs .xlsx indiqués ou contenus dans les dossiers.
Les fichiers sont contrôlés en parallèle ; une barre de progression s'affiche dans un terminal.

Options :
  --format text|json|csv|xlsx   format du rapport (text par défaut) : csv = un constat par ligne
                                (séparateur « ; », UTF-8, pour Excel) ; xlsx = classeur de revue
                                (synthèse par fichier, constats filtrables, totaux par axe et volet)
  --out FICHIER                 écrit le rapport dans FICHIER au lieu de la sortie standard
                                (obligatoire avec --format xlsx)
  --jobs N                      nombre de fichiers contrôlés en même temps (par défaut : 1, plus un
                                par cœur inoccupé pour un lot de 24 fichiers ou plus)
  --par-departement DOSSIER     écrit dans DOSSIER un retour par fichier contrôlé (un classeur par
                                Département, prêt à imprimer) : date, outil, lectures appliquées,
                                constats groupés par cause probable et ce qu'il faut corriger
  --fse-as-cd                   compte la valorisation FSE+ comme part du Département (COFI-FT-VOLET2)
  --no-fse-as-cd                ne la compte pas, même si la feuille Paramètres le demande
  --underspend-threshold N      seuil de sous-consommation en % (80 par défaut ; « 80 », « 80 % », « 80,5 »)
  --min-cd-share N              part minimale du Département en % (50 par défaut)
  --cls-cofi-base total|etat-cd assiette du cofinancement CLS : budget global A+B+C (défaut) ou État + CD
  --forfait-volet1 plafonne|integral
                                bilan France Travail : forfait du volet 1 limité aux dépenses éligibles
                                (défaut, FT art. 8) ou retenu en totalité (FT art. 4.1)
  --max-file-size N             taille maximale d'un fichier en Mo (50 par défaut)
  --max-uncompressed-size N     taille maximale d'un fichier une fois décompressé, en Mo (100 par défaut)
  --max-time N                  durée maximale du contrôle d'un fichier, en secondes (par défaut
                                120 s plus 20 s par Mo du fichier) : au-delà, il est déclaré illisible
  -h, --help                    affiche cette aide

Code de sortie : 0 sans erreur, 1 si une anomalie de sévérité « erreur » est trouvée,
2 si un fichier est illisible ou si les arguments sont incorrects.`;

/**
 * A percentage as users type it: « 80 », « 80 % », « 80,5 », « 80.5 % ». A bare value of 1 or less
 * is refused with a question — « 0,8 » is 80 % written as a ratio as often as it is 0,8 % — and
 * the percent sign settles it (« 0,8 % » is 0,8 %).
 */
export function percentArg(name: string, raw: string | undefined): Decimal | string {
  if (raw === undefined || raw.trim() === '') return `l'option ${name} attend un pourcentage, par exemple 80.`;
  const m = /^([0-9]+(?:[.,][0-9]+)?)[\s\u00A0\u202F]*(%?)$/.exec(raw.trim());
  if (!m) return `l'option ${name} attend un pourcentage entre 0 et 100, par exemple 80 ou « 80,5 % » (reçu « ${raw} »).`;
  const value = new Decimal(m[1].replace(',', '.'));
  if (value.gt(100)) return `l'option ${name} attend un pourcentage entre 0 et 100 (reçu « ${raw} »).`;
  if (!m[2] && value.lte(1)) {
    const shown = m[1].replace('.', ',');
    const asPercent = value.times(100).toString().replace('.', ',');
    return `l'option ${name} a reçu « ${raw} » : voulez-vous dire ${asPercent} % (écrire ${name} ${asPercent}) ou ${shown} % (écrire ${name} "${shown} %") ?`;
  }
  return value.div(100);
}

/** What a verb that reuses this parser (diff, fill) says instead of check's own words. */
export interface CheckArgWords {
  /** No path given. */
  noPaths: string;
  /** --format xlsx without --out. */
  xlsxNeedsOut: string;
  /** The formats it knows, for an unknown one. */
  formats: string;
}

const CHECK_WORDS: CheckArgWords = {
  noPaths: 'indiquez au moins un fichier .xlsx ou un dossier à contrôler.',
  xlsxNeedsOut: 'le format xlsx est un classeur : indiquez où l’écrire avec --out revue.xlsx.',
  formats: 'text, json, csv ou xlsx',
};

const MAX_TIME_S = 86_400;

/** Parses the arguments that follow `annexes check` (or another verb's, in its own words). */
export function parseCheckArgs(argv: string[], words: Partial<CheckArgWords> = {}): ParsedCheckArgs {
  const say = { ...CHECK_WORDS, ...words };
  const out: CheckArgs = { command: 'check', paths: [], format: 'text', overrides: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    switch (a) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--format': {
        const f = next();
        if (!FORMATS.includes(f as OutputFormat)) return { command: 'error', message: `format inconnu « ${f ?? ''} » (${say.formats}).` };
        out.format = f as OutputFormat;
        break;
      }
      case '--out': {
        const f = next();
        if (!f) return { command: 'error', message: "l'option --out attend un nom de fichier." };
        out.out = f;
        break;
      }
      case '--fse-as-cd':
        out.overrides.fseAsCd = true;
        break;
      case '--no-fse-as-cd':
        out.overrides.fseAsCd = false;
        break;
      case '--underspend-threshold':
      case '--min-cd-share': {
        const p = percentArg(a, next());
        if (typeof p === 'string') return { command: 'error', message: p };
        if (a === '--min-cd-share') out.overrides.minCdShare = p;
        else out.overrides.underspendThreshold = p;
        break;
      }
      case '--cls-cofi-base': {
        const b = next();
        if (b !== 'total' && b !== 'etat-cd') return { command: 'error', message: `--cls-cofi-base attend « total » ou « etat-cd » (reçu « ${b ?? ''} »).` };
        out.overrides.clsCofiBase = b === 'total' ? 'total' : 'state-cd';
        break;
      }
      case '--forfait-volet1': {
        const b = next();
        if (b !== 'plafonne' && b !== 'integral') return { command: 'error', message: `--forfait-volet1 attend « plafonne » ou « integral » (reçu « ${b ?? ''} »).` };
        out.overrides.ftVolet1 = b === 'integral' ? 'lump-sum' : 'capped';
        break;
      }
      case '--max-file-size': {
        const n = Number(next());
        if (!Number.isFinite(n) || n <= 0) return { command: 'error', message: "l'option --max-file-size attend une taille en Mo." };
        out.maxFileBytes = Math.round(n * 1024 * 1024);
        break;
      }
      case '--max-uncompressed-size': {
        const n = Number(next());
        if (!Number.isFinite(n) || n <= 0) return { command: 'error', message: "l'option --max-uncompressed-size attend une taille en Mo." };
        out.maxUncompressedBytes = Math.round(n * 1024 * 1024);
        break;
      }
      case '--par-departement': {
        const d = next();
        if (!d) return { command: 'error', message: "l'option --par-departement attend un dossier où écrire les retours." };
        out.returnFolder = d;
        break;
      }
      case '--max-time': {
        const n = Number(next());
        if (!Number.isFinite(n) || n <= 0) return { command: 'error', message: "l'option --max-time attend une durée en secondes." };
        // Node's timers and V8's watchdog take at most 2^31 − 1 ms: a day is more than any annex needs.
        if (n < 1 || n > MAX_TIME_S) return { command: 'error', message: `l'option --max-time attend une durée entre 1 et ${MAX_TIME_S} secondes (24 heures).` };
        out.timeoutMs = Math.ceil(n * 1000);
        break;
      }
      case '--jobs': {
        const n = Number(next());
        if (!Number.isInteger(n) || n < 1) return { command: 'error', message: "l'option --jobs attend un nombre entier de fichiers (1 ou plus)." };
        out.jobs = n;
        break;
      }
      default:
        if (a.startsWith('-')) return { command: 'error', message: `option inconnue « ${a} ».` };
        out.paths.push(a);
    }
  }
  if (out.paths.length === 0) return { command: 'error', message: say.noPaths };
  if (out.format === 'xlsx' && !out.out) return { command: 'error', message: say.xlsxNeedsOut };
  return out;
}
