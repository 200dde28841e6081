/**
 * @jest-environment jsdom
 */
/**
 * The pane rendered on the stricter fake: sections in tabs, the primary action first, write buttons
 * only after an analysis, cards titled by the rule's French title with the severity in their name,
 * « Constat suivant », the list of writes and its undo, a write cut short offering its undo, the
 * « classeur modifié » notice, readings written to Paramètres after consent, French with plurals
 * written out, cell text never rendered as HTML.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { createFakeOfficeHost } from '../../src/adapters/office/fake';
import { WorkbookActionError } from '../../src/adapters/office/office-errors';
import { createWorkbookActions } from '../../src/adapters/office/workbook-actions';
import { Pane } from '../../src/taskpane/components/Pane';
import { PaneRoot } from '../../src/taskpane/components/PaneRoot';
import { parsePercent } from '../../src/taskpane/components/SettingsPanel';
import { groupFindings } from '../../src/taskpane/findings-view';
import { count, frenchSpacing, inPaneWords } from '../../src/taskpane/pane-text';
import type { Finding } from '../../src/domain/finding';
import { getCell } from '../../src/layout/grid';

// Waits: rendering Fluent in jsdom and analysing the sample take seconds on a loaded 2-core machine.
const SLOW = { timeout: 120_000 };
const FT = 'Construction du plan de finance';

function renderPane(grid = buildSampleGrid()) {
  const host = createFakeOfficeHost(grid);
  const actions = createWorkbookActions(host.globals);
  render(
    <PaneRoot>
      <Pane actions={actions} />
    </PaneRoot>,
  );
  return { host, actions };
}

async function analyse() {
  fireEvent.click(screen.getByRole('button', { name: 'Analyser le classeur' }));
  await screen.findByText('Analyse terminée', {}, SLOW);
}

const tab = (name: RegExp | string) => fireEvent.click(screen.getByRole('tab', { name }));

/** Opens a sheet's group of findings (closed ones but the first). Queries stay local: jsdom is slow at roles. */
function openGroup(sheet: string) {
  const header = [...document.querySelectorAll<HTMLButtonElement>('button[aria-expanded]')].find((b) => b.textContent?.includes(`« ${sheet} »`))!;
  if (header.getAttribute('aria-expanded') === 'false') fireEvent.click(header);
  return header;
}

/** The page's text with every space as a plain one (the pane keeps « : » and « » » on their line). */
const bodyText = () => (document.body.textContent ?? '').replace(/\s+/g, ' ');

const card = (rule: string) => document.querySelector(`[data-rule="${rule}"]`) as HTMLElement;

describe('the pane', () => {
  test('primary action first, no heading repeating the add-in’s name, four tabs; write buttons only after an analysis', async () => {
    renderPane();
    const buttons = screen.getAllByRole('button');
    expect(buttons[0].textContent).toBe('Analyser le classeur');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(screen.queryByText('Annexes financières')).toBeNull();
    expect(screen.getAllByRole('tab')).toHaveLength(4);
    for (const name of ['Constats', 'Synthèse', 'Écritures', 'Réglages']) expect(screen.getByRole('tab', { name })).toBeTruthy();
    tab('Écritures');
    expect((screen.getByRole('button', { name: 'Recalculer les colonnes' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Préparer le rapport à mi-parcours' }) as HTMLButtonElement).disabled).toBe(true);
    await analyse();
    tab('Écritures');
    expect((screen.getByRole('button', { name: 'Recalculer les colonnes' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('cards titled by the rule’s French title, severity in their accessible name; a click or « Constat suivant » shows the cell', async () => {
    const { host } = renderPane();
    await analyse();
    expect(screen.getByText(/^Constats : \d+ erreurs, \d+ avertissements?, \d+ informations?$/, { selector: 'h2' })).toBeTruthy();
    openGroup(FT);
    const delta = card('PLAN-DELTA');
    expect(within(delta.parentElement!).getByRole('button', { name: /^Erreur Delta différent de Cible − Existant F18 · PLAN-DELTA/ })).toBe(delta);
    expect(delta.getAttribute('data-cell')).toBe('F18');
    expect(delta.textContent).toContain('3030 places');
    fireEvent.click(delta);
    await waitFor(() => expect(host.excel.model.selection).toEqual({ sheet: FT, address: 'F18' }), SLOW);
    // « Constat suivant »: the next one, its group opened, focused, its cell shown in Excel.
    fireEvent.click(screen.getByText('Constat suivant'));
    await waitFor(() => expect(document.querySelector('[aria-pressed="true"]')).not.toBe(delta));
    const next = document.querySelector('[aria-pressed="true"]') as HTMLElement;
    expect(document.activeElement).toBe(next);
    await waitFor(() => expect(host.excel.model.selection?.address).toBe(next.getAttribute('data-cell')), SLOW);
  });

  test('groups by sheet collapse; the COFI card speaks of the pane’s own setting, not of « --fse-as-cd »', async () => {
    renderPane();
    await analyse();
    const plan = openGroup("Plan d'action");
    const cofi = card('COFI-FT-VOLET2');
    expect(within(cofi.parentElement!).getByRole('button', { name: /^Erreur Cofinancement du Département inférieur à 50 % du volet 2/ })).toBe(cofi);
    expect(cofi.textContent?.replace(/\s+/g, ' ')).toContain('réglage « Compter la valorisation FSE+ comme part du Département » (onglet Réglages)');
    expect(bodyText()).not.toMatch(/--[a-z]/);
    fireEvent.click(plan);
    await waitFor(() => expect(card('COFI-FT-VOLET2')).toBeNull());
  });

  test('a write, listed in Écritures with its undo; the success message speaks of the pane, plurals written out', async () => {
    const { host } = renderPane();
    const before = host.excel.model.grid.sheets.map((s) => s.name);
    await analyse();
    tab('Écritures');
    fireEvent.click(screen.getByRole('button', { name: 'Préparer le rapport à mi-parcours' }));
    await screen.findByText(/Préparer le rapport à mi-parcours : terminé/, {}, SLOW);
    const text = bodyText();
    expect(text).toMatch(
      /\d+ cellules écrites ; 7 feuilles créées : « Rapport - couverture », « Rapport - bilan financier », « Rapport - convention 2024-2027 », « Rapport - graphique », « Rapport - indicateurs », « Rapport - observations » et « Rapport - annexe technique »/,
    );
    expect(text).toMatch(/Onglet Écritures : « Annuler » la défait\./);
    expect(text).not.toMatch(/\(s\)/);
    // The report chart is drawn in the Synthèse tab.
    expect(document.querySelectorAll('[data-report-chart] g[data-fiche]').length).toBeGreaterThan(0);
    tab('Écritures');
    const list = screen.getByRole('list', { name: /Écritures, de la plus récente/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(list).getByRole('button', { name: 'Annuler cette écriture' }));
    await screen.findByText('Écriture annulée', {}, SLOW);
    expect(host.excel.model.grid.sheets.map((s) => s.name)).toEqual(before);
    expect(bodyText()).toMatch(/7 feuilles retirées/);
    expect(screen.getByText('Aucune écriture à annuler dans ce classeur.')).toBeTruthy();
  });

  test('a write cut short says so and offers its undo, which restores the workbook', async () => {
    const { host } = renderPane();
    await analyse();
    const before = JSON.stringify(host.excel.model.grid.sheets.map((s) => [s.name, [...s.rows].map(([r, c]) => [r, [...c]])]));
    host.excel.faults.push({ kind: 'fail', afterOperations: 10, at: ({ writeOperations }) => writeOperations > 50 });
    tab('Écritures');
    fireEvent.click(screen.getByRole('button', { name: 'Remplir les volets 1/2/3' }));
    await screen.findByText('Remplir les volets 1/2/3 : interrompue', {}, SLOW);
    expect(bodyText()).toMatch(/le classeur est modifié en partie/);
    fireEvent.click(screen.getByRole('button', { name: 'Annuler l’écriture interrompue' }));
    await screen.findByText('Écriture annulée', {}, SLOW);
    expect(JSON.stringify(host.excel.model.grid.sheets.map((s) => [s.name, [...s.rows].map(([r, c]) => [r, [...c]])]))).toBe(before);
  });

  test('« Classeur modifié depuis l’analyse » after the user edits a cell, not after the pane’s own write', async () => {
    const { host } = renderPane();
    await analyse();
    tab('Écritures');
    fireEvent.click(screen.getByRole('button', { name: 'Recalculer les colonnes' }));
    await screen.findByText(/Recalculer les colonnes : terminé/, {}, SLOW);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('classeur-modifie')).toBeNull();
    host.excel.user.edit('Paramètres', 'D50', 'une note');
    await screen.findByTestId('classeur-modifie', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Relancer l’analyse' }));
    await waitFor(() => expect(screen.queryByTestId('classeur-modifie')).toBeNull(), SLOW);
  });

  test('where Excel raises no change events, a cheap check when the pane regains focus says the same', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    const actions = createWorkbookActions(host.globals);
    jest.spyOn(actions, 'watchChanges').mockResolvedValue(null);
    render(
      <PaneRoot>
        <Pane actions={actions} />
      </PaneRoot>,
    );
    await analyse();
    fireEvent.focus(window);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('classeur-modifie')).toBeNull();
    host.excel.user.edit('Paramètres', 'Z200', 'une note loin de tout');
    fireEvent.focus(window);
    await screen.findByTestId('classeur-modifie', {}, SLOW);
  });

  test('Réglages: the readings come from Paramètres; changing one writes it there after the officer agrees', async () => {
    const { host } = renderPane();
    await analyse();
    tab('Réglages');
    expect(screen.getByText(/Lu dans la feuille « Paramètres », cellule B\d+\./, { selector: 'span' })).toBeTruthy();
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByRole('button', { name: 'Écrire dans « Paramètres »…' }));
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(dialog.textContent?.replace(/\s+/g, ' ')).toMatch(/« FSE\+ valorisation comptée comme CD » : oui \(cellule Paramètres!B(\d+)\)/);
    const row = Number(/Paramètres!B(\d+)/.exec(dialog.textContent ?? '')![1]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Écrire' }));
    await screen.findByText(/Écrire les réglages dans « Paramètres » : terminé/, {}, SLOW);
    expect(getCell(host.excel.model.find('Paramètres')!, row, 2)).toEqual({ value: 'oui' });
    expect(bodyText()).toMatch(/la commande annexes check appliquera ces lectures/);
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true);
  });

  test('shows cell text as text: markup in a cell is never interpreted', async () => {
    const grid = buildSampleGrid();
    const ft = grid.sheets.find((s) => s.name === FT)!;
    for (const cols of ft.rows.values()) for (const cell of cols.values()) if (typeof cell.value === 'string' && cell.value.startsWith('Action 2: Amplifier')) cell.value = 'Action 2 <img src=x onerror="window.__xss=1">';
    renderPane(grid);
    await analyse();
    openGroup(FT);
    const delta = card('PLAN-DELTA');
    expect(delta.textContent).toContain('<img src=x onerror="window.__xss=1">');
    expect(delta.querySelector('img')).toBeNull();
  });

  test('an action that fails shows a French message bar, the pane stays usable', async () => {
    const { actions } = renderPane();
    jest.spyOn(actions, 'readWorkbook').mockRejectedValueOnce(new WorkbookActionError('Lecture du classeur impossible : Excel refuse la modification.'));
    fireEvent.click(screen.getByRole('button', { name: 'Analyser le classeur' }));
    const bar = await screen.findByText(/Analyser le classeur : échec/, {}, SLOW);
    expect(within(bar.parentElement!).getByText(/Excel refuse la modification/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Analyser le classeur' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('an Excel too old for the add-in is told so at once', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    host.office.excelApiVersion = '1.8';
    render(
      <PaneRoot>
        <Pane actions={createWorkbookActions(host.globals)} />
      </PaneRoot>,
    );
    expect(await screen.findByText('Version d’Excel non prise en charge', {}, SLOW)).toBeTruthy();
  });
});

describe('pane helpers', () => {
  test('findings grouped by sheet then severity, whole-workbook findings first', () => {
    const f = (sheet: string, severity: Finding['severity'], rule = 'R'): Finding => ({ rule, severity, sheet, cell: sheet ? 'A1' : '', message: 'm', article: 'a' });
    const groups = groupFindings([f('B', 'info'), f('B', 'error'), f('', 'error', 'X'), f('A', 'warning')], { rule: null, severities: new Set(['error', 'warning', 'info']) });
    expect(groups.map((g) => [g.sheet, g.count, g.bySeverity.map((s) => s.severity).join('/')])).toEqual([
      ['', 1, 'error'],
      ['B', 2, 'error/info'],
      ['A', 1, 'warning'],
    ]);
  });

  test('threshold typed as a French percentage; counts with their plural; command-line options in the pane’s words', () => {
    expect(parsePercent('80')?.toString()).toBe('0.8');
    expect(parsePercent('72,5 %')?.toString()).toBe('0.725');
    expect([parsePercent('0'), parsePercent('120'), parsePercent('quatre-vingts')]).toEqual([null, null, null]);
    expect([count(0, 'cellule', 'cellules'), count(1, 'cellule', 'cellules'), count(1234, 'cellule', 'cellules')]).toEqual(['0 cellule', '1 cellule', '1\u202f234 cellules']);
    expect(inPaneWords('(option --fse-as-cd, ou paramètre « X », pour la compter)').replace(/\u00a0/g, ' ')).toBe('(le réglage « Compter la valorisation FSE+ comme part du Département » (onglet Réglages), ou paramètre « X », pour la compter)');
    expect(inPaneWords('option --jobs')).toBe('l’option --jobs de la commande annexes check');
    expect(frenchSpacing('Terminé : « Contrôles » !')).toBe('Terminé\u00a0: «\u00a0Contrôles\u00a0»\u00a0!');
    expect(frenchSpacing('53 500,00 € → 53 560,00 € (+60,00 €) ; 48,79 %')).toBe('53 500,00\u00a0€ → 53 560,00\u00a0€ (+60,00\u00a0€)\u00a0; 48,79\u00a0%');
  });
});
