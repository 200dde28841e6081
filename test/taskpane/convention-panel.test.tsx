/**
 * @jest-environment jsdom
 */
/**
 * The four-year CLS view in the Synthèse tab: the years read said as the CLI says them, per axe and
 * in total the cumul of notified, paid, spent, unspent and carried over with the consumption rate,
 * the amounts notified against art. 2.2 (13 370 192 € over 2024–2027), and year by year on demand —
 * on the sample through the whole pane, and as a component on generated 2024–2027 workbooks.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { buildSampleGrid } from '../../scripts/sample/build-sample';
import { seedAllocation } from '../../scripts/sample/cls-years';
import { createFakeOfficeHost } from '../../src/adapters/office/fake';
import { createWorkbookActions } from '../../src/adapters/office/workbook-actions';
import { type ConventionView, conventionView } from '../../src/domain/convention-view';
import { formatEuro, formatPercent } from '../../src/domain/money';
import { analyseGrid } from '../../src/layout/analyse';
import type { Grid } from '../../src/layout/grid';
import { ConventionPanel } from '../../src/taskpane/components/ConventionPanel';
import { Pane } from '../../src/taskpane/components/Pane';
import { PaneRoot } from '../../src/taskpane/components/PaneRoot';
import { type ConventionOptions, YEARS, conventionWorkbook } from '../helpers/convention';

const SLOW = { timeout: 120_000 };
/** Text as read, every kind of space a plain one (amounts use U+202F, the pane U+00A0). */
const plain = (t: string | null | undefined) => (t ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();

function viewOf(grid: Grid): ConventionView {
  return conventionView(analyseGrid(grid).workbook)!;
}

function renderView(view: ConventionView) {
  render(
    <PaneRoot>
      <ConventionPanel view={view} />
    </PaneRoot>,
  );
}

/** The cumul list's item for a line (« total », « axe-1 »…), its lines joined by a space. */
const cumul = (id: string) => plain([...(document.querySelector(`li[data-line="${id}"]`)?.querySelectorAll(':scope > span, :scope > span > span') ?? [])].filter((e) => e.children.length === 0).map((e) => e.textContent).join(' '));
/** The art. 2.2 table: [year, expected, notified] per row, the total last. */
const expectedRows = () => [...document.querySelectorAll('[data-expected] tr')].slice(1).map((tr) => [...tr.children].map((c) => plain(c.textContent)));

describe('the four-year CLS view', () => {
  test('on the sample, in the Synthèse tab after an analysis: years read, cumul per axe, notified against art. 2.2', async () => {
    const host = createFakeOfficeHost(buildSampleGrid());
    render(
      <PaneRoot>
        <Pane actions={createWorkbookActions(host.globals)} />
      </PaneRoot>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Analyser le classeur' }));
    await screen.findByText('Analyse terminée', {}, SLOW);
    fireEvent.click(screen.getByRole('tab', { name: 'Synthèse' }));
    const section = screen.getByRole('region', { name: 'CLS 2024-2027 — part État sur la durée de la convention' });
    expect(plain(section.textContent)).toContain('Années lues : 2024 prévu et exécuté, 2025 prévu.');
    const list = within(section).getByRole('list', { name: 'Cumul des années lues, pour tout le CLS puis par axe' });
    expect(within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-line'))).toEqual(['total', 'axe-1', 'axe-3', 'axe-4']);
    // The CLI's figures (annexes check on the sample): notified 2024 + 2025, paid and spent 2024.
    expect(cumul('total')).toBe(
      'Total CLS consommation 100,00 % Notifié 6 685 096,00 € · versé 3 342 548,00 € Réalisé 3 342 548,00 € (100,00 % du versé) · non consommé 0,00 € ' +
        'Reporté 0,00 € (part CD 0,00 €) Département : affecté 6 685 096,00 € · réalisé 3 342 548,00 € (100,00 % sur les années exécutées)',
    );
    expect(cumul('axe-1')).toContain('Notifié 3 318 576,00 € · versé 1 659 288,00 €');
    expect(expectedRows()).toEqual([
      ['2024', '3 342 548,00 €', '3 342 548,00 €'],
      ['2025', '3 342 548,00 €', '3 342 548,00 €'],
      ['2026', '3 342 548,00 €', 'non lu'],
      ['2027', '3 342 548,00 €', 'non lu'],
      ['2024-2027', '13 370 192,00 €', '6 685 096,00 €'],
    ]);
    expect(plain(section.textContent)).toContain(
      'Notifié pour 2024 et 2025 : 6 685 096,00 € des 13 370 192,00 € attendus sur 2024-2027 ; 2026 et 2027 : pas encore dans le classeur.',
    );
    expect(plain(section.textContent)).toContain('Attendu : le montant notifié dans la feuille « Paramètres » (2024 et 2025) ; le prévisionnel annuel de l’art. 2.2 (2026 et 2027).');
    // Year by year on demand: 2025 read as planned only, its execution « non lu », never 0.
    fireEvent.click(within(section).getByRole('button', { name: 'Total CLS, 2024-2027' }));
    const table = within(section).getByRole('table', { name: 'Total CLS, année par année' });
    const y2025 = table.querySelector('tbody[data-year="2025"]')!;
    expect(plain(y2025.querySelector('th')?.textContent)).toBe('2025 — prévu');
    expect(plain(y2025.textContent)).toContain('Notifié (État)3 342 548,00 €Versé (État)non lu');
    expect(plain(table.querySelector('tbody[data-year="2026"]')?.textContent)).toBe('2026 — non lu');
  });

  const years = (view: ConventionView) => view.total.years.map((y) => y.year);

  test('a generated 2024–2027 with carry-overs: four years read, each figure of the view shown year by year and in cumul', () => {
    const view = viewOf(conventionWorkbook().grid);
    expect(years(view)).toEqual([2024, 2025, 2026, 2027]);
    renderView(view);
    expect(plain(document.body.textContent)).toContain('Années lues : 2024 prévu et exécuté, 2025 prévu et exécuté, 2026 prévu et exécuté, 2027 prévu et exécuté.');
    const t = view.total.totals;
    expect(t.carryOverState.gt(0) && t.carryOverCd.gt(0) && t.stateUnspent.gt(0)).toBe(true);
    expect(cumul('total')).toBe(
      plain(
        `Total CLS consommation ${formatPercent(t.stateRate!)} Notifié ${formatEuro(t.notified)} · versé ${formatEuro(t.paid)} ` +
          `Réalisé ${formatEuro(t.stateSpent)} (${formatPercent(t.stateRate!)} du versé) · non consommé ${formatEuro(t.stateUnspent)} ` +
          `Reporté ${formatEuro(t.carryOverState)} (part CD ${formatEuro(t.carryOverCd)}) ` +
          `Département : affecté ${formatEuro(t.cdAllocated)} · réalisé ${formatEuro(t.cdSpent)} (${formatPercent(t.cdRate!)} sur les années exécutées)`,
      ),
    );
    expect(expectedRows().at(-1)).toEqual(['2024-2027', '13 370 192,00 €', '13 370 192,00 €']);
    expect(plain(document.body.textContent)).toContain('Notifié sur 2024-2027 : 13 370 192,00 €, le total attendu.');

    for (const axe of view.axes) {
      fireEvent.click(screen.getByRole('button', { name: `Axe ${axe.axe}, 2024-2027` }));
      const table = screen.getByRole('table', { name: `Axe ${axe.axe}, année par année` });
      for (const y of axe.years) {
        const rows = [...table.querySelectorAll(`tbody[data-year="${y.year}"] tr`)].slice(1).map((tr) => plain(tr.lastElementChild?.textContent));
        expect(rows).toEqual([y.notified, y.paid, y.stateSpent, y.stateUnspent, y.carryOverState, y.cdAllocated, y.cdSpent, y.carryOverCd].map((m) => plain(formatEuro(m!))));
      }
      const cumulRows = [...table.querySelectorAll('tbody[data-year="cumul"] tr')].slice(1).map((tr) => plain(tr.lastElementChild?.textContent));
      const a = axe.totals;
      expect(cumulRows).toEqual([...[a.notified, a.paid, a.stateSpent, a.stateUnspent, a.carryOverState, a.cdAllocated, a.cdSpent, a.carryOverCd].map((m) => plain(formatEuro(m))), formatPercent(a.stateRate!), formatPercent(a.cdRate!)].map(plain));
    }
  });

  test('a year notified for less than the avenant provides shows its gap, and the total its own', () => {
    // 2026: fiche 1.1 gets 100 000 € less in the tables than Paramètres notify (the avenant).
    const cut: ConventionOptions['alloc'] = (y) => {
      const a = seedAllocation();
      if (y === 2026) a['1.1'] = { ...a['1.1'], state: a['1.1'].state - 100000 };
      return a;
    };
    renderView(viewOf(conventionWorkbook({ alloc: cut, notified: () => seedAllocation() }).grid));
    const rows = expectedRows();
    expect(rows[2]).toEqual(['2026', '3 342 548,00 €', '3 242 548,00 €écart -100 000,00 €']);
    expect(rows[1]).toEqual(['2025', '3 342 548,00 €', '3 342 548,00 €']);
    expect(plain(document.body.textContent)).toContain('Notifié sur 2024-2027 : 13 270 192,00 € pour 13 370 192,00 € attendus (écart -100 000,00 €).');
  });

  test('a year past the convention (2028, CLS-YEARS flags it) shows as such, outside the convention total', () => {
    const view = viewOf(conventionWorkbook({ years: [...YEARS, 2028] }).grid);
    renderView(view);
    const rows = expectedRows();
    expect(rows.map((r) => r[0])).toEqual(['2024', '2025', '2026', '2027', '2028', '2024-2027']);
    expect(rows[4].slice(0, 2)).toEqual(['2028', 'hors convention']);
    expect(rows[5]).toEqual(['2024-2027', '13 370 192,00 €', '13 370 192,00 €']);
  });

  test('two years written: 2026 planned by the récapitulatif 2025, 2027 not read; no Paramètres amount: said, not guessed', () => {
    const { grid } = conventionWorkbook({ years: [2024, 2025] });
    grid.sheets = grid.sheets.filter((s) => s.name !== 'Paramètres');
    const view = viewOf(grid);
    renderView(view);
    expect(plain(document.body.textContent)).toContain('Années lues : 2024 prévu et exécuté, 2025 prévu et exécuté, 2026 prévu.');
    expect(expectedRows().map((r) => r.slice(1))).toEqual([
      ['non indiqué', plain(formatEuro(view.total.years[0].notified!))],
      ['non indiqué', plain(formatEuro(view.total.years[1].notified!))],
      ['non indiqué', plain(formatEuro(view.total.years[2].notified!))],
      ['non indiqué', 'non lu'],
      ['non indiqué', plain(formatEuro(view.total.years.slice(0, 3).reduce((a, y) => a.plus(y.notified!), view.total.totals.notified.times(0))))],
    ]);
    expect(plain(document.body.textContent)).toContain('Montant attendu non indiqué : renseignez « CLS État notifié <année> total » ou « CLS État prévisionnel annuel » dans la feuille « Paramètres ».');
    fireEvent.click(screen.getByRole('button', { name: 'Total CLS, 2024-2027' }));
    const table = screen.getByRole('table', { name: 'Total CLS, année par année' });
    expect(plain(table.querySelector('tbody[data-year="2027"]')?.textContent)).toBe('2027 — non lu');
    expect(plain(table.querySelector('tbody[data-year="2026"] th')?.textContent)).toBe('2026 — prévu');
  });
});
