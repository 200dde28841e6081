import { parseCheckArgs } from './check-args';
import type { Io } from '../io';
import { usageAnswer } from './usage';
import type { OptionOverrides } from '../../domain/workbook';
import { readXlsxFile } from '../../adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../adapters/xlsx/errors';
import { checkOutput, writeOutputFile } from '../../adapters/files/output-file';
import { compareGrids } from '../../layout/compare-grids';
import { hasChanges } from '../../domain/diff';
import { type DiffReport, formatDiffJson, formatDiffText } from '../format-diff';
import { formatDiffXlsx } from '../format-diff-xlsx';

export const DIFF_USAGE = `Usage : annexes diff <avant.xlsx> <après.xlsx> [options]

Dit ce qui a changé entre deux versions d'un classeur d'annexes financières, dans les mots des
annexes : par tableau, action et colonne, les montants modifiés (avant → après, écart) ; les actions
et tableaux ajoutés ou retirés ; les paramètres modifiés ; les parts du Département qui ont franchi
le minimum de 50 % ; les totaux qui ont bougé ; les constats corrigés et les nouveaux constats.
Les tableaux sont appariés par leur nature, leur année, leur volet ou leur fiche, et les lignes par
numéro de fiche ou intitulé : un tableau seulement déplacé n'a pas changé.

Options :
  --format text|json|xlsx       format du rapport (text par défaut)
  --out FICHIER                 écrit le rapport dans FICHIER (obligatoire avec --format xlsx)
  --fse-as-cd, --no-fse-as-cd, --underspend-threshold N, --min-cd-share N, --cls-cofi-base total|etat-cd,
  --max-file-size N, --max-uncompressed-size N
                                lectures et limites, comme pour « annexes check » (les mêmes pour
                                les deux versions)
  -h, --help                    affiche cette aide

Code de sortie : 0 si rien n'a changé, 1 si quelque chose a changé, 2 si un classeur est illisible,
si les arguments sont incorrects ou si le rapport ne peut pas être écrit.`;

type DiffArgs =
  | { command: 'diff'; before: string; after: string; format: 'text' | 'json' | 'xlsx'; out?: string; overrides: OptionOverrides; limits: { maxFileBytes?: number; maxUncompressedBytes?: number } }
  | { command: 'help' }
  | { command: 'error'; message: string };

/** The reading options and limits are those of `check`, parsed by its parser. */
export function parseDiffArgs(argv: string[]): DiffArgs {
  if (argv.includes('--jobs')) return { command: 'error', message: 'option inconnue « --jobs ».' };
  const i = argv.indexOf('--format');
  if (i >= 0 && argv[i + 1] === 'csv') return { command: 'error', message: 'format inconnu « csv » (text, json ou xlsx).' };
  const parsed = parseCheckArgs(argv, {
    noPaths: 'indiquez les deux versions du classeur : avant.xlsx après.xlsx.',
    xlsxNeedsOut: 'le format xlsx est un classeur : indiquez où l’écrire avec --out comparaison.xlsx.',
    formats: 'text, json ou xlsx',
  });
  if (parsed.command !== 'check') return parsed;
  if (parsed.paths.length !== 2) return { command: 'error', message: `indiquez exactement deux classeurs, la version d’avant puis celle d’après (reçu ${parsed.paths.length}).` };
  return {
    command: 'diff',
    before: parsed.paths[0],
    after: parsed.paths[1],
    format: parsed.format === 'csv' ? 'text' : parsed.format,
    out: parsed.out,
    overrides: parsed.overrides,
    limits: { maxFileBytes: parsed.maxFileBytes, maxUncompressedBytes: parsed.maxUncompressedBytes },
  };
}

/** `annexes diff <avant.xlsx> <après.xlsx>`: exit 0 nothing changed, 1 something did, 2 unreadable, bad arguments or write failure. */
export async function diffCommand(argv: string[], io: Io): Promise<number> {
  const args = parseDiffArgs(argv);
  if (args.command !== 'diff') return usageAnswer(args, 'diff', DIFF_USAGE, io);
  const inputs = [args.before, args.after];
  if (args.out) await checkOutput(args.out, inputs, 'diff'); // refused at once when it is one of the two
  let report: DiffReport;
  try {
    const [before, after] = await Promise.all([args.before, args.after].map((f) => readXlsxFile(f, args.limits)));
    report = { before: args.before, after: args.after, diff: compareGrids(before, after, args.overrides) };
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      io.stderr(`annexes diff : ${e.message}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(`annexes diff : la comparaison de « ${args.before} » et « ${args.after} » a échoué (erreur interne : ${detail}). Merci de signaler ces fichiers à l'équipe.\n`);
    return 2;
  }
  const output = args.format === 'json' ? formatDiffJson(report) : args.format === 'xlsx' ? await formatDiffXlsx(report) : formatDiffText(report);
  if (args.out) {
    await writeOutputFile(args.out, output, inputs, 'diff');
    io.stderr(`Comparaison écrite dans « ${args.out} ».\n`);
  } else {
    io.stdout(typeof output === 'string' ? output : output.toString('utf8'));
  }
  return hasChanges(report.diff) ? 1 : 0;
}
