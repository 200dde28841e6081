import { parseCheckArgs } from './check-args';
import type { Io } from '../io';
import type { OptionOverrides } from '../../domain/workbook';
import { readXlsxFile } from '../../adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../adapters/xlsx/errors';
import { SameFileError, applyWritePlanToCopy, isSameFile } from '../../adapters/xlsx/apply-write-plan';
import { planFill } from '../../layout/fill';

export const FILL_USAGE = `Usage : annexes fill <classeur.xlsx> -o <copie.xlsx> [options]

Écrit une copie du classeur où :
  - chaque colonne calculée et chaque total des annexes (CLS « Tableau financier », plan de
    financement, « Plan d'action ») devient une formule Excel avec sa valeur calculée ;
  - les feuilles « Etat des dépenses VOLET 1/2/3 » (FT annexe 3, prêtes à imprimer et à signer) sont
    créées à partir de la feuille « Journal des dépenses », les dépenses inéligibles ou hors période
    mises à part ; la feuille « Bilan financier FT » calcule la participation de l'État retenue,
    l'avance, le solde à verser ou le trop-perçu à reverser (FT art. 6) ;
  - une feuille « Contrôles » liste les constats du classeur rempli, avec un lien vers chaque cellule.
Aucune autre cellule n'est modifiée ; le classeur d'entrée n'est jamais réécrit.

Options :
  -o, --out FICHIER             classeur à écrire (obligatoire, différent du classeur d'entrée)
  --fse-as-cd                   compte la valorisation FSE+ comme part du Département (COFI-FT-VOLET2)
  --no-fse-as-cd                ne la compte pas, même si la feuille Paramètres le demande
  --underspend-threshold N      seuil de sous-consommation en % (80 par défaut)
  --min-cd-share N              part minimale du Département en % (50 par défaut)
  --cls-cofi-base total|etat-cd assiette du cofinancement CLS
  --forfait-volet1 plafonne|integral
                                forfait du volet 1 limité aux dépenses (défaut) ou retenu en totalité
  -h, --help                    affiche cette aide

Code de sortie : 0 si la copie est écrite, 2 si le classeur est illisible, si la sortie est l'entrée,
si l'écriture échoue ou si les arguments sont incorrects.`;

type FillArgs = { command: 'fill'; input: string; output: string; overrides: OptionOverrides } | { command: 'help' } | { command: 'error'; message: string };

/** -o is ours; the reading options are those of `check`, parsed by its parser. */
export function parseFillArgs(argv: string[]): FillArgs {
  let output: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--out' || a === '--output') {
      output = argv[++i];
      if (!output) return { command: 'error', message: `l'option ${a} attend un nom de fichier.` };
    } else if (a === '--format' || a === '--max-file-size') {
      return { command: 'error', message: `option inconnue « ${a} ».` };
    } else rest.push(a);
  }
  const parsed = parseCheckArgs(rest);
  if (parsed.command === 'help') return parsed;
  if (parsed.command === 'error') {
    const noInput = parsed.message.startsWith('indiquez au moins');
    return { command: 'error', message: noInput ? 'indiquez le classeur .xlsx à remplir.' : parsed.message };
  }
  if (parsed.paths.length !== 1) return { command: 'error', message: `indiquez un seul classeur à remplir (reçu ${parsed.paths.length}).` };
  if (!output) return { command: 'error', message: 'indiquez le classeur à écrire avec -o <copie.xlsx>.' };
  return { command: 'fill', input: parsed.paths[0], output, overrides: parsed.overrides };
}

/** `annexes fill <in.xlsx> -o <out.xlsx>`: exit 0 written, 2 unreadable input, same file, write failure or bad arguments. */
export async function fillCommand(argv: string[], io: Io): Promise<number> {
  const args = parseFillArgs(argv);
  if (args.command === 'help') {
    io.stdout(`${FILL_USAGE}\n`);
    return 0;
  }
  if (args.command === 'error') {
    io.stderr(`annexes fill : ${args.message}\n\n${FILL_USAGE}\n`);
    return 2;
  }
  const { input, output, overrides } = args;
  try {
    if (await isSameFile(input, output)) throw new SameFileError(input);
    const { derived, volets, controls, plan } = planFill(await readXlsxFile(input), overrides);
    await applyWritePlanToCopy(input, output, plan);
    io.stdout(`Classeur écrit : ${output}\n  ${derived.description}\n  ${volets.description}\n  ${controls.description}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SameFileError || e instanceof UnreadableWorkbookError) {
      io.stderr(`annexes fill : ${e.message}\n`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code) {
      io.stderr(`annexes fill : impossible d'écrire « ${output} » (${code}).\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(`annexes fill : le classeur « ${input} » n'a pas pu être rempli (erreur interne : ${detail}). Merci de signaler ce fichier à l'équipe.\n`);
    return 2;
  }
}
