import Decimal from 'decimal.js';
import type { OptionOverrides } from '../../domain/workbook';

export type OutputFormat = 'text' | 'json';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  out?: string;
  overrides: OptionOverrides;
  maxFileBytes?: number;
}

export type ParsedCheckArgs = CheckArgs | { command: 'help' } | { command: 'error'; message: string };

export const CHECK_USAGE = `Usage : annexes check <fichier-ou-dossier>... [options]

Contrôle les annexes financières (CLS « Tableau financier », France Travail « Construction du plan
de financement », « Plan d'action ») des classeurs .xlsx indiqués ou contenus dans les dossiers.

Options :
  --format text|json            format du rapport (text par défaut)
  --out FICHIER                 écrit le rapport dans FICHIER au lieu de la sortie standard
  --fse-as-cd                   compte la valorisation FSE+ comme part du Département (COFI-FT-VOLET2)
  --no-fse-as-cd                ne la compte pas, même si la feuille Paramètres le demande
  --underspend-threshold N      seuil de sous-consommation en % (80 par défaut)
  --min-cd-share N              part minimale du Département en % (50 par défaut)
  --cls-cofi-base total|etat-cd assiette du cofinancement CLS : budget global A+B+C (défaut) ou État + CD
  --max-file-size N             taille maximale d'un fichier en Mo (50 par défaut)
  -h, --help                    affiche cette aide

Code de sortie : 0 sans erreur, 1 si une anomalie de sévérité « erreur » est trouvée,
2 si un fichier est illisible ou si les arguments sont incorrects.`;

function percentArg(name: string, raw: string | undefined): Decimal | string {
  if (raw === undefined) return `l'option ${name} attend une valeur.`;
  const s = raw.replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(s) || Number(s) > 100) return `l'option ${name} attend un pourcentage entre 0 et 100 (reçu « ${raw} »).`;
  return new Decimal(s).div(100);
}

/** Parses the arguments that follow `annexes check`. */
export function parseCheckArgs(argv: string[]): ParsedCheckArgs {
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
        if (f !== 'text' && f !== 'json') return { command: 'error', message: `format inconnu « ${f ?? ''} » (text ou json).` };
        out.format = f;
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
      case '--max-file-size': {
        const n = Number(next());
        if (!Number.isFinite(n) || n <= 0) return { command: 'error', message: "l'option --max-file-size attend une taille en Mo." };
        out.maxFileBytes = Math.round(n * 1024 * 1024);
        break;
      }
      default:
        if (a.startsWith('-')) return { command: 'error', message: `option inconnue « ${a} ».` };
        out.paths.push(a);
    }
  }
  if (out.paths.length === 0) return { command: 'error', message: 'indiquez au moins un fichier .xlsx ou un dossier à contrôler.' };
  return out;
}
