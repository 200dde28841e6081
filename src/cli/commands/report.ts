import { readXlsxFile } from '../../adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../adapters/xlsx/errors';
import { reportToXlsxBuffer } from '../../adapters/xlsx/write-report';
import { checkOutput, writeOutputFile } from '../../adapters/files/output-file';
import { visibleText } from '../../layout/visible-text';
import { analyseGrid } from '../../layout/analyse';
import { planMidTermReport } from '../../layout/report/mid-term-report';
import { countBySeverity, summaryText } from '../check-file';
import type { Io } from '../io';
import { usageAnswer } from './usage';

export const REPORT_USAGE = `Usage : annexes report <classeur.xlsx> -o <rapport.xlsx>

Prépare le rapport à mi-parcours du contrat local des solidarités (CLS art. 2.3, exécution 2024-2025,
à transmettre au préfet au plus tard le 31 mars 2026) à partir des blocs « Tableau financier » 2024 et
2025 et des tableaux d'indicateurs (annexes 1 et 4) du classeur : bilan financier par action et par
axe, matrice des indicateurs, constats du contrôle et graphique prévu / réalisé par action. Le rapport
est un nouveau classeur, prêt à imprimer (A4 paysage) ; le classeur d'origine n'est pas modifié.

Options :
  -o, --out FICHIER   classeur du rapport à écrire (obligatoire)
  -h, --help          affiche cette aide

Code de sortie : 0 rapport écrit, 2 classeur illisible, arguments incorrects ou écriture impossible.`;

type Parsed = { input: string; out: string } | { help: true } | { error: string };

function parse(argv: string[]): Parsed {
  let input: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { help: true };
    if (a === '-o' || a === '--out') {
      out = argv[++i];
      if (!out) return { error: "l'option -o attend un nom de fichier." };
    } else if (a.startsWith('-')) {
      return { error: `option inconnue « ${a} ».` };
    } else if (input === undefined) {
      input = a;
    } else {
      return { error: 'un seul classeur à la fois.' };
    }
  }
  if (!input) return { error: 'indiquez le classeur .xlsx du Département.' };
  if (!out) return { error: 'indiquez le fichier du rapport avec -o rapport.xlsx.' };
  if (!/\.xlsx$/i.test(out)) return { error: `le rapport est un classeur .xlsx (reçu « ${out} »).` };
  return { input, out };
}

/** `annexes report <in.xlsx> -o <rapport.xlsx>`. */
export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv);
  if ('help' in args) return usageAnswer({ command: 'help' }, 'report', REPORT_USAGE, io);
  if ('error' in args) return usageAnswer({ command: 'error', message: args.error }, 'report', REPORT_USAGE, io);
  await checkOutput(args.out, [args.input], 'report'); // before reading: refused at once when it is the input
  let report;
  try {
    const grid = await readXlsxFile(args.input);
    report = planMidTermReport(grid, analyseGrid(grid));
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      io.stderr(`annexes report : ${visibleText(e.message)}\n`);
      return 2;
    }
    throw e;
  }
  await writeOutputFile(args.out, await reportToXlsxBuffer(report), [args.input], 'report');
  io.stderr(`Rapport à mi-parcours écrit dans « ${visibleText(args.out)} » (${summaryText(countBySeverity(report.findings))}).\n`);
  return 0;
}
