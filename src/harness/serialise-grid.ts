/** A grid as plain JSON (Maps → sorted arrays, Dates → ISO), for the e2e test to compare states. */
import type { Grid } from '../layout/grid';

export interface SerialisedSheet {
  name: string;
  state: string;
  cells: [string, unknown][];
  merges: string[];
}

export function serialiseGrid(grid: Grid): SerialisedSheet[] {
  return grid.sheets.map((s) => ({
    name: s.name,
    state: s.state ?? 'visible',
    cells: [...s.rows]
      .flatMap(([r, cols]) => [...cols].map(([c, cell]): [string, unknown] => [`${r}:${c}`, JSON.parse(JSON.stringify(cell))]))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    merges: s.merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`).sort(),
  }));
}
