import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createFakeOfficeHost, type FakeOfficeHost } from '../adapters/office/fake';
import { createWorkbookActions } from '../adapters/office/workbook-actions';
import { Pane } from '../taskpane/components/Pane';
import { XlsxFileInput } from '../taskpane/components/XlsxFileInput';
import { fetchSample, gridFromBytes } from './open-workbook';
import { serialiseGrid } from './serialise-grid';
import { WorkbookPreview } from './WorkbookPreview';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box' },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  workbook: { flexGrow: 1, display: 'flex', flexDirection: 'column', padding: tokens.spacingHorizontalM, minWidth: 0, overflow: 'hidden' },
  dropping: { outline: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-8px' },
  // Excel on the web opens a task pane 350 px wide (Office.TaskPane.setWidth: 350 to 500 px).
  pane: { width: '350px', flexShrink: 0, overflowY: 'auto', borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  paneAlone: { width: '100%', height: '100vh', overflowY: 'auto' },
});

interface Opened {
  id: number;
  label: string;
  host: FakeOfficeHost;
}

declare global {
  interface Window {
    /** For the end-to-end test: the in-memory workbook behind the pane. */
    __annexesHarness?: {
      label: string;
      selection(): { sheet: string; address: string } | null;
      sheets(): { name: string; state: string }[];
      snapshot(): unknown;
      syncCount(): number;
      /** What a user does in Excel: type in a cell. */
      edit(sheet: string, address: string, input: string | number | null): void;
    };
  }
}

/**
 * The pane outside Excel: the same component, the same adapter, over the fake Excel object model
 * loaded from an .xlsx file (file input, drag and drop, or the bundled sample).
 */
export function Harness() {
  const s = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [version, setVersion] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const open = useCallback(async (load: () => Promise<{ data: ArrayBuffer; label: string }>) => {
    setError(null);
    setLoading(true);
    try {
      const { data, label } = await load();
      const host = createFakeOfficeHost(await gridFromBytes(data, label));
      setOpened((prev) => ({ id: (prev?.id ?? 0) + 1, label, host }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);

  const openFile = useCallback((file: File) => open(async () => ({ data: await file.arrayBuffer(), label: file.name })), [open]);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.has('exemple') || params.has('sample')) void open(fetchSample);
  }, [open]);

  useEffect(() => {
    if (!opened) return undefined;
    const model = opened.host.excel.model;
    window.__annexesHarness = {
      label: opened.label,
      selection: () => model.selection,
      sheets: () => model.grid.sheets.map((x) => ({ name: x.name, state: x.state ?? 'visible' })),
      snapshot: () => serialiseGrid(model.grid),
      syncCount: () => opened.host.excel.syncCount,
      edit: (sheet, address, input) => opened.host.excel.user.edit(sheet, address, input),
    };
    return opened.host.excel.subscribe(() => setVersion((v) => v + 1));
  }, [opened]);

  const actions = useMemo(() => (opened ? createWorkbookActions(opened.host.globals) : null), [opened]);
  // `?volet=seul`: the pane alone, as wide as the window (a 350 px window is Excel on the web's pane).
  const alone = useMemo(() => new URLSearchParams(window.location.search).get('volet') === 'seul', []);

  const input = <XlsxFileInput ref={fileInput} label="Ouvrir un classeur .xlsx" testId="file-input" onFile={(file) => void openFile(file)} />;

  if (alone) {
    // The pane alone opens the sample (`?exemple=1`) or a file given to the hidden input (the e2e test).
    return (
      <div className={s.paneAlone} data-testid="pane">
        {input}
        {actions ? <Pane key={opened!.id} actions={actions} /> : <Text>{error ?? (loading ? 'Ouverture du classeur…' : 'Aucun classeur ouvert.')}</Text>}
      </div>
    );
  }

  return (
    <div
      className={s.page}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) void openFile(file);
      }}
    >
      <div className={s.bar}>
        <Title3 as="h1">Banc d’essai du complément</Title3>
        {input}
        <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={loading}>
          Ouvrir un classeur .xlsx…
        </Button>
        <Button onClick={() => void open(fetchSample)} disabled={loading}>
          Charger le classeur d’exemple
        </Button>
        <Text>{loading ? 'Ouverture…' : opened ? `Classeur en mémoire : ${opened.label}` : 'ou déposez un fichier .xlsx sur la page'}</Text>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Classeur illisible</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.body}>
        <section className={dragging ? `${s.workbook} ${s.dropping}` : s.workbook} aria-label="Classeur">
          {opened ? <WorkbookPreview model={opened.host.excel.model} version={version} /> : <Text>Ouvrez un classeur .xlsx pour commencer.</Text>}
        </section>
        <aside className={s.pane} aria-label="Volet du complément" data-testid="pane">
          {actions ? <Pane key={opened!.id} actions={actions} /> : <Text>Le volet apparaîtra ici.</Text>}
        </aside>
      </div>
    </div>
  );
}
