/**
 * @jest-environment jsdom
 */
/**
 * « Comparer avec une version précédente » in the pane, on the stricter fake: the officer chooses
 * the committed sample (.xlsx, read in the page by the project's reader) while the open workbook is
 * that sample with three known edits and a moved table — the pane lists exactly those three edits and
 * what Excel recalculated from them, as `annexes diff` does, and a click shows the cell after the
 * change. The sample against itself: « Aucun changement »; then the officer's edits, compared again,
 * with a share crossing 50 % and a finding introduced. An unreadable file: a French message naming
 * it. Nothing is written.
 */
import '../helpers/jsdom-text-codecs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createFakeOfficeHost } from '../../src/adapters/office/fake';
import { createWorkbookActions } from '../../src/adapters/office/workbook-actions';
import { readXlsxBuffer } from '../../src/adapters/xlsx/read-xlsx';
import { FICHE_BUDGET_SHEET } from '../../scripts/sample/fiche-budgets';
import { Pane } from '../../src/taskpane/components/Pane';
import { PaneRoot } from '../../src/taskpane/components/PaneRoot';
import type { Grid } from '../../src/layout/grid';
import { withSampleEdits } from '../helpers/edited-sample';
import { FT, PLAN } from '../helpers/sample';

const SLOW = { timeout: 120_000 };
const SAMPLE_BYTES = readFileSync(path.join(__dirname, '..', '..', 'samples', 'pas-de-calais-2024.xlsx'));
const sampleGrid = () => readXlsxBuffer(SAMPLE_BYTES, 'pas-de-calais-2024.xlsx');
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ');
/** The grid as the fake holds it, for « nothing written ». */
const snapshot = (g: Grid) => JSON.stringify(g.sheets.map((s) => [s.name, [...s.rows].map(([r, c]) => [r, [...c]])]));

function renderPane(grid: Grid) {
  const host = createFakeOfficeHost(grid);
  render(
    <PaneRoot>
      <Pane actions={createWorkbookActions(host.globals)} />
    </PaneRoot>,
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Synthèse' }));
  return host;
}

function choose(bytes: Uint8Array, name: string) {
  const input = screen.getByLabelText('Version précédente du classeur (.xlsx)') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([new Uint8Array(bytes)], name)] } });
}

const section = (id: string) => document.querySelector(`[data-comparison] [data-section="${id}"]`);
const items = (id: string) => [...(section(id)?.querySelectorAll('li') ?? [])].map((li) => text(li).trim());

describe('comparing with a previous version', () => {
  // Unlike `annexes diff` on a copy written by ExcelJS (cached values left as they were), Excel — and
  // the fake — recalculate: the 2.6 CD edit moves its « Montant de l’action » (H = E + …) and the
  // TOTAL row, so the volet 2 share stays under 50 % (4 125 892 of 8 486 784) and no row goes wrong.
  test('the sample edited in three places against the sample: those three edits and their recalculated totals; a click shows the cell; nothing written', async () => {
    const host = renderPane(withSampleEdits(await sampleGrid()));
    const before = snapshot(host.excel.model.grid);
    expect(screen.getByText(/Rien n’est écrit dans le classeur/)).toBeTruthy();
    choose(SAMPLE_BYTES, 'version-envoyée.xlsx');
    await screen.findByText('Comparaison terminée', {}, SLOW);
    expect(screen.getByRole('heading', { name: (n) => n.replace(/\s+/g, ' ') === 'Changements depuis « version-envoyée.xlsx »', level: 3 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choisir un autre fichier de version précédente' })).toBeTruthy();
    expect(text(document.querySelector('[data-comparison]'))).toContain('4 montants ou quantités modifiés, 2 totaux modifiés, 2 constats corrigés.');

    const nbsp = (t: string) => t.replace(/\u202f/g, ' ');
    expect(items('values').map(nbsp)).toEqual([
      `Plan de financement volet 2, Action 2: Amplifier la politique d’accès à l’emploi pour tous, « Delta entre la cible et l’existant »3030 places → 330 places${FT}!F18`,
      `Plan d'action, action 2.6 Pack inclusion renforcé pour l'emploi, « Conseil départemental »951 146,00 € → 1 051 146,00 € (+100 000,00 €)${PLAN}!E8 → ${PLAN}!G11`,
      `Plan d'action, action 2.6 Pack inclusion renforcé pour l'emploi, « Montant de l’action »1 549 146,00 € → 1 649 146,00 € (+100 000,00 €)${PLAN}!H8 → ${PLAN}!J11`,
      `Fiche 1.3, sous-action « Action 2 : Soutenir une réponse de santé auprès des ados », « Montant de la sous-action »53 500,00 € → 53 560,00 € (+60,00 €)${FICHE_BUDGET_SHEET}!B45`,
    ]);
    expect(items('totals').map(nbsp)).toEqual([
      `Plan d'action, TOTAL, « Conseil départemental »4 025 892,00 € → 4 125 892,00 € (+100 000,00 €)${PLAN}!E11 → ${PLAN}!G14`,
      `Plan d'action, TOTAL, « Montant de l’action »8 386 784,00 € → 8 486 784,00 € (+100 000,00 €)${PLAN}!H11 → ${PLAN}!J14`,
    ]);
    expect(items('fixed').map((t) => /· ([A-Z0-9-]+)$/.exec(t)?.[1])).toEqual(['PLAN-DELTA', 'FICHE-SUBACTIONS']);
    expect(items('fixed')[0]).toMatch(/^Erreur — Delta différent de Cible − Existant/);
    for (const id of ['rows', 'tables', 'parameters', 'shares', 'introduced']) expect(section(id)).toBeNull();

    // A click on a change shows its cell after the change; fixed findings have no button (their cell was the old file's).
    const values = section('values')!;
    const moved = within(values as HTMLElement).getAllByRole('button')[1];
    expect(moved.getAttribute('data-target')).toBe(`${PLAN}!G11`);
    fireEvent.click(moved);
    await waitFor(() => expect(host.excel.model.selection).toEqual({ sheet: PLAN, address: 'G11' }), SLOW);
    expect(moved.getAttribute('aria-pressed')).toBe('true');
    expect(section('fixed')!.querySelectorAll('button')).toHaveLength(0);
    fireEvent.click(within(section('totals') as HTMLElement).getAllByRole('button')[0]);
    await waitFor(() => expect(host.excel.model.selection).toEqual({ sheet: PLAN, address: 'G14' }), SLOW);

    // Reading only: the workbook as it was, no write to undo.
    expect(snapshot(host.excel.model.grid)).toBe(before);
    fireEvent.click(screen.getByRole('tab', { name: 'Écritures' }));
    expect(screen.getByText('Aucune écriture à annuler dans ce classeur.')).toBeTruthy();
  });

  test('the sample against itself: « Aucun changement »; « Comparer de nouveau » then measures the officer’s edits, a share crossing 50 % and a finding introduced', async () => {
    const host = renderPane(await sampleGrid());
    choose(SAMPLE_BYTES, 'pas-de-calais-2024.xlsx');
    await screen.findByText('Comparaison terminée', {}, SLOW);
    expect(text(document.querySelector('[data-comparison]'))).toContain('Aucun changement : mêmes montants, mêmes lignes, mêmes paramètres, mêmes constats.');
    expect(document.querySelectorAll('[data-comparison] li')).toHaveLength(0);

    // Delta of Action 2 corrected, Action 1's made wrong, 2.6's CD raised by 200 000 €: volet 2
    // reaches (4 025 892 + 200 000) ÷ (8 251 784 + 200 000) = 50 %.
    host.excel.user.edit(FT, 'F18', '330 places');
    host.excel.user.edit(FT, 'F17', '7000 places');
    host.excel.user.edit(PLAN, 'E8', 1151146);
    fireEvent.click(screen.getByRole('button', { name: 'Comparer de nouveau' }));
    await waitFor(() => expect(items('values')).toHaveLength(4), SLOW);
    expect(items('values').map((t) => /»([^»]*→[^»]*?)(?:\(|[A-Z])/.exec(t)?.[1].trim().replace(/\u202f/g, ' '))).toEqual([
      '7600 places → 7000 places',
      '3030 places → 330 places',
      '951 146,00 € → 1 151 146,00 €',
      '1 549 146,00 € → 1 749 146,00 €',
    ]);
    expect(items('totals')).toHaveLength(2);
    expect(items('shares')).toEqual(['Volet 2 France Travail (FT art. 3.3)part du Département 48,79 % → 50,00 %, atteint désormais le minimum de 50,00 %']);
    expect(items('fixed').map((t) => /· ([A-Z0-9-]+)$/.exec(t)?.[1])).toEqual(['PLAN-DELTA', 'COFI-FT-VOLET2']);
    expect(items('introduced').map((t) => /!([A-Z]+\d+) · ([A-Z0-9-]+)$/.exec(t)?.slice(1).join(' '))).toEqual(['F17 PLAN-DELTA']);
    fireEvent.click(within(section('introduced') as HTMLElement).getByRole('button'));
    await waitFor(() => expect(host.excel.model.selection).toEqual({ sheet: FT, address: 'F17' }), SLOW);
  });

  test('an unreadable file: a French message naming it, nothing listed, the pane still usable', async () => {
    renderPane(await sampleGrid());
    choose(new TextEncoder().encode('pas un classeur'), 'notes.xlsx');
    const title = await screen.findByText('Comparer avec une version précédente : échec', {}, SLOW);
    expect(text(title.parentElement)).toContain('Le fichier « notes.xlsx » n\'est pas un classeur Excel lisible');
    expect(text(title.parentElement)).not.toMatch(/erreur inattendue|\bat .*\.js/);
    expect(document.querySelector('[data-comparison]')).toBeNull();
    expect((screen.getByRole('button', { name: 'Choisir le fichier de la version précédente' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('a file past the size limit is refused before it is read, named', async () => {
    renderPane(await sampleGrid());
    const input = screen.getByLabelText('Version précédente du classeur (.xlsx)') as HTMLInputElement;
    const huge = new File([SAMPLE_BYTES], 'énorme.xlsx');
    Object.defineProperty(huge, 'size', { value: 60 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [huge] } });
    const title = await screen.findByText('Comparer avec une version précédente : échec', {}, SLOW);
    expect(text(title.parentElement)).toMatch(/Le fichier « énorme\.xlsx » dépasse la taille maximale autorisée \(60 Mo pour 50 Mo au plus\)/);
  });
});
