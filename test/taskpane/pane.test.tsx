/**
 * @jest-environment jsdom
 */
/**
 * The pane rendered on the fake host: it receives its actions as props, analyses, groups and
 * filters findings, shows a finding's cell, reports errors in French, never renders cell text as
 * HTML.
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
import type { Finding } from '../../src/domain/finding';

// Rendering Fluent in jsdom and analysing the sample take seconds on a loaded 2-core machine.
const SLOW = { timeout: 15_000 };
const REPORT_WAIT = { timeout: 40_000 };

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

describe('the pane', () => {
  test('analyses, counts by severity, and a click selects the finding’s cell', async () => {
    const { host } = renderPane();
    await analyse();
    // The informations: UNDERSPEND (no 2024 execution) and FT-SOLDE (the bilan financier's outcome).
    expect(screen.getByRole('heading', { name: /Constats : \d+ erreurs, 2 avertissements, 2 informations/ })).toBeTruthy();
    const delta = document.querySelector('[data-rule="PLAN-DELTA"]') as HTMLElement;
    expect(delta.textContent).toContain('3030 places');
    expect(delta.textContent).toContain('FT annexe 2');
    fireEvent.click(delta);
    await waitFor(() => expect(host.excel.model.selection).toEqual({ sheet: 'Construction du plan de finance', address: 'F18' }), SLOW);
    // Drawn summary: one bar group per CLS axe, one per FT volet.
    expect(document.querySelectorAll('g[data-axe]')).toHaveLength(3);
    expect(document.querySelectorAll('g[data-volet]')).toHaveLength(3);
  });

  test('prepares the mid-term report: its six sheets, its chart drawn in the pane, undone by « Annuler »', async () => {
    const { host } = renderPane();
    const sheetsBefore = host.excel.model.grid.sheets.map((s) => s.name);
    fireEvent.click(screen.getByRole('button', { name: 'Préparer le rapport à mi-parcours' }));
    const done = await screen.findByText(/Préparer le rapport à mi-parcours : terminé/, {}, REPORT_WAIT);
    expect(done).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toMatch(/\d+ actions? CLS/);
    expect(text).toMatch(/taux de consommation 2024-2025 \(réalisé \/ prévu\) : \d+,\d\d %/);
    const names = host.excel.model.grid.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('Rapport - '))).toEqual([
      'Rapport - couverture',
      'Rapport - bilan financier',
      'Rapport - graphique',
      'Rapport - indicateurs',
      'Rapport - observations',
      'Rapport - annexe technique',
    ]);
    const chartSheet = host.excel.model.find('Rapport - graphique')!;
    expect(host.excel.model.charts.get(chartSheet)).toHaveLength(1);
    const bars = document.querySelectorAll('[data-report-chart] g[data-fiche]');
    expect(bars.length).toBeGreaterThan(0);
    expect(bars[0].textContent).toMatch(/réalisé .* € \/ prévu .* €/);

    fireEvent.click(screen.getByRole('button', { name: 'Annuler la dernière écriture' }));
    await screen.findByText('Écriture annulée', {}, REPORT_WAIT);
    expect(host.excel.model.grid.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(document.querySelector('[data-report-chart]')).toBeNull();
  });

  test('filters by rule and by severity', async () => {
    renderPane();
    await analyse();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'PLAN-DELTA' } });
    expect(document.querySelectorAll('[data-rule]')).toHaveLength(1);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Erreurs/ }));
    const rules = [...document.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule'));
    expect(rules.length).toBe(4); // EXP-INELIGIBLE and FICHE-YEARS (2.4's 2025) warnings, UNDERSPEND and FT-SOLDE infos
  });

  test('shows cell text as text: markup in a cell is never interpreted', async () => {
    const grid = buildSampleGrid();
    const ft = grid.sheets.find((s) => s.name === 'Construction du plan de finance')!;
    for (const cols of ft.rows.values()) for (const cell of cols.values()) if (typeof cell.value === 'string' && cell.value.startsWith('Action 2: Amplifier')) cell.value = 'Action 2 <img src=x onerror="window.__xss=1">';
    renderPane(grid);
    await analyse();
    const delta = document.querySelector('[data-rule="PLAN-DELTA"]') as HTMLElement;
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
    await waitFor(() => expect(screen.getByRole('switch')).toBeTruthy(), SLOW); // settings loaded
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

  test('threshold typed as a French percentage', () => {
    expect(parsePercent('80')).toBe(0.8);
    expect(parsePercent('72,5 %')).toBe(0.725);
    expect(parsePercent('0')).toBeNull();
    expect(parsePercent('120')).toBeNull();
    expect(parsePercent('quatre-vingts')).toBeNull();
  });
});
