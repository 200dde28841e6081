import { parseCheckArgs } from './check-args';
import type { Io } from '../io';
import { usageAnswer } from './usage';
import type { OptionOverrides } from '../../domain/workbook';
import { readXlsxBufferSync, readXlsxFileBytes } from '../../adapters/xlsx/read-xlsx';
import { UnreadableWorkbookError } from '../../adapters/xlsx/errors';
import { applyWritePlan } from '../../adapters/xlsx/apply-write-plan';
import { checkOutput, writeOutputFile } from '../../adapters/files/output-file';
import { errnoCode, fsReason } from '../../adapters/files/fs-errors';
import { visibleText } from '../../layout/visible-text';
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
  const parsed = parseCheckArgs(rest, { noPaths: 'indiquez le classeur .xlsx à remplir.' });
  if (parsed.command !== 'check') return parsed;
  if (parsed.paths.length !== 1) return { command: 'error', message: `indiquez un seul classeur à remplir (reçu ${parsed.paths.length}).` };
  if (!output) return { command: 'error', message: 'indiquez le classeur à écrire avec -o <copie.xlsx>.' };
  return { command: 'fill', input: parsed.paths[0], output, overrides: parsed.overrides };
}

/** `annexes fill <in.xlsx> -o <out.xlsx>`: exit 0 written, 2 unreadable input, same file, write failure or bad arguments. */
export async function fillCommand(argv: string[], io: Io): Promise<number> {
  const args = parseFillArgs(argv);
  if (args.command !== 'fill') return usageAnswer(args, 'fill', FILL_USAGE, io);
  const { input, output, overrides } = args;
  await checkOutput(output, [input], 'fill'); // before reading: refused at once when it is the input
  let written;
  try {
    // Read once: the plan is applied to the very bytes it was made from (and the archive checked).
    const bytes = await readXlsxFileBytes(input);
    const { derived, volets, controls, plan } = planFill(readXlsxBufferSync(bytes, input), overrides);
    const { buffer, renamed } = await applyWritePlan(bytes, plan);
    written = { buffer, renamed, descriptions: [derived.description, volets.description, controls.description] };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const message =
      e instanceof UnreadableWorkbookError
        ? e.message
        : errnoCode(e)
          ? `le classeur « ${input} » n'a pas pu être lu (${fsReason(e)}).`
          : `le classeur « ${input} » n'a pas pu être rempli (erreur interne : ${detail}). Merci de signaler ce fichier à l'équipe.`;
    io.stderr(`annexes fill : ${visibleText(message)}\n`);
    return 2;
  }
  await writeOutputFile(output, written.buffer, [input], 'fill');
  const notes = written.renamed.map((r) => `La feuille « ${r.from} » du classeur s’appelle « ${r.to} » dans la copie (Excel n’accepte que des noms de 31 caractères au plus, uniques sans tenir compte des majuscules).`);
  io.stdout(`${[`Classeur écrit : ${output}`, ...[...written.descriptions, ...notes].map((d) => `  ${d}`)].map(visibleText).join('\n')}\n`);
  return 0;
}
