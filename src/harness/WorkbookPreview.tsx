import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { FakeWorkbookModel } from '../adapters/office/fake/fake-workbook-model';
import { cellAddress, columnLetters, getCell, sheetExtent } from '../layout/grid';
import { cellDisplay } from '../layout/text';

const MAX_ROWS = 250;
const MAX_COLS = 20;

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1, gap: tokens.spacingVerticalS },
  tabs: { overflowX: 'auto', flexShrink: 0 },
  scroller: { overflow: 'auto', flexGrow: 1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200 },
  head: { position: 'sticky', top: 0, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  rowHead: { position: 'sticky', left: 0, backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'right', paddingRight: tokens.spacingHorizontalXS },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: '220px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    height: '20px',
  },
  number: { textAlign: 'right' },
  selected: { outline: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteGreenBorderActive}`, outlineOffset: '-2px' },
});

const FR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** Excel's grid, as much of it as a demo needs: sheet tabs, values, the selection. */
export function WorkbookPreview({ model, version }: { model: FakeWorkbookModel; version: number }) {
  const s = useStyles();
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  const sheet = model.activeSheet;
  const selection = model.selection && sheet && model.selection.sheet === sheet.name ? model.selection.address : null;
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selection, version]);
  if (!sheet) return <Text>Aucune feuille visible.</Text>;
  const { maxRow, maxCol } = sheetExtent(sheet);
  const rows = Math.min(Math.max(maxRow, 20), MAX_ROWS);
  const cols = Math.min(Math.max(maxCol, 8), MAX_COLS);
  const fills = model.fills.get(sheet);

  return (
    <div className={s.preview} data-version={version}>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={sheet.name}
        onTabSelect={(_e, d) => {
          const target = model.find(String(d.value));
          if (target) model.activate(target);
        }}
      >
        {model.grid.sheets
          .filter((x) => (x.state ?? 'visible') === 'visible')
          .map((x) => (
            <Tab key={x.name} value={x.name}>
              {x.name}
            </Tab>
          ))}
      </TabList>
      <div className={s.scroller}>
        <table className={s.table} aria-label={`Feuille ${sheet.name}`}>
          <thead>
            <tr>
              <th className={s.head} />
              {Array.from({ length: cols }, (_, j) => (
                <th key={j} className={s.head} scope="col">
                  {columnLetters(j + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <th className={s.rowHead} scope="row">
                  {i + 1}
                </th>
                {Array.from({ length: cols }, (_, j) => {
                  const address = cellAddress(i + 1, j + 1);
                  const cell = getCell(sheet, i + 1, j + 1);
                  const isSelected = address === selection;
                  const fill = fills?.get(`${i + 1}:${j + 1}`);
                  return (
                    <td
                      key={j}
                      ref={isSelected ? selectedRef : undefined}
                      className={mergeClasses(s.cell, typeof cell?.value === 'number' && s.number, isSelected && s.selected)}
                      data-address={address}
                      title={cell?.formula !== undefined ? `=${cell.formula}` : undefined}
                      // The marks the add-in paints: data from the fake model, set through the DOM style API.
                      style={fill ? { backgroundColor: fill } : undefined}
                    >
                      {typeof cell?.value === 'number' ? FR.format(cell.value) : cellDisplay(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
