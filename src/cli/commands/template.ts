import type { Io } from '../io';
import { usageAnswer } from './usage';
import { blankWorkbookToBuffer } from '../../adapters/xlsx/write-template';
import { writeOutputFile } from '../../adapters/files/output-file';
import { visibleText } from '../../layout/visible-text';
import { buildBlankWorkbook } from '../../layout/blank/blank-workbook';

export const TEMPLATE_USAGE = `Usage : annexes template -o <modele.xlsx> [--year AAAA]

Écrit un classeur vierge au format officiel, prêt à remplir : « Tableau financier » du CLS
(prévisionnel, exécution, récapitulatif), plan de financement France Travail (volets 1, 2 et 3),
« Plan d'action », « Journal des dépenses », « Paramètres » et « Etat des dépenses » des volets 1, 2
et 3. Colonnes calculées et totaux en formules, montants au format « # ##0,00 € », en-têtes figés,
listes et contrôles de saisie ; les formules sont verrouillées (protection sans mot de passe).

Options :
  -o, --out FICHIER   classeur à écrire (obligatoire)
  --year AAAA         année n des conventions (année en cours par défaut)
  -h, --help          affiche cette aide

Code de sortie : 0 si le modèle est écrit, 2 si l'écriture échoue ou si les arguments sont incorrects.`;

type TemplateArgs = { command: 'template'; output: string; year: number } | { command: 'help' } | { command: 'error'; message: string };

export function parseTemplateArgs(argv: string[], now: Date = new Date()): TemplateArgs {
  let output: string | undefined;
  let year = now.getFullYear();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return { command: 'help' };
    if (a === '-o' || a === '--out' || a === '--output') {
      output = argv[++i];
      if (!output) return { command: 'error', message: `l'option ${a} attend un nom de fichier.` };
    } else if (a === '--year') {
      const y = argv[++i];
      if (!y || !/^20\d\d$/.test(y)) return { command: 'error', message: `l'option --year attend une année sur quatre chiffres, par exemple 2025 (reçu « ${y ?? ''} »).` };
      year = Number(y);
    } else {
      return { command: 'error', message: a.startsWith('-') ? `option inconnue « ${a} ».` : `argument inattendu « ${a} » (le fichier à écrire se donne avec -o).` };
    }
  }
  if (!output) return { command: 'error', message: 'indiquez le fichier à écrire avec -o <modele.xlsx>.' };
  return { command: 'template', output, year };
}

/** `annexes template -o <blank.xlsx> [--year 2025]`: exit 0 written, 2 bad arguments or write failure. */
export async function templateCommand(argv: string[], io: Io): Promise<number> {
  const args = parseTemplateArgs(argv);
  if (args.command !== 'template') return usageAnswer(args, 'template', TEMPLATE_USAGE, io);
  await writeOutputFile(args.output, await blankWorkbookToBuffer(buildBlankWorkbook(args.year)), [], 'template');
  io.stdout(`Modèle vierge ${args.year} écrit : ${visibleText(args.output)}\n`);
  return 0;
}
