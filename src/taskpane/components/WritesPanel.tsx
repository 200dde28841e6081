import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WriteEntry } from '../../adapters/office/workbook-actions';
import { UNDO_DEPTH } from '../../adapters/office/undo-record';
import { whenWritten } from '../pane-text';
import { REPORT_TITLE } from '../write-actions';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  button: { justifyContent: 'flex-start', textAlign: 'left' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  description: { overflowWrap: 'anywhere' },
});

export interface WriteButton {
  key: string;
  title: string;
  hint: string;
  run(): void;
}

export interface WritesPanelProps {
  actions: WriteButton[];
  onPrepareReport(): void;
  analysed: boolean;
  busy: boolean;
  marked: boolean;
  onToggleMarks(): void;
  /** The undo stack, newest first. */
  writes: WriteEntry[];
  onUndo(): void;
}

/**
 * What the add-in writes, and the way back: the write buttons (enabled once the workbook has been
 * analysed: the officer has seen the findings first), the marks, and the list of the add-in's
 * writes, newest first, undone last-first.
 */
export function WritesPanel(p: WritesPanelProps) {
  const s = useStyles();
  const off = p.busy || !p.analysed;
  return (
    <div className={s.panel}>
      <div className={s.group}>
        <Subtitle2 as="h2">Écrire dans le classeur</Subtitle2>
        {!p.analysed && <Text>Analysez d’abord le classeur : les écritures s’appuient sur ses constats.</Text>}
        {p.actions.map((a) => (
          <Button key={a.key} className={s.button} disabled={off} onClick={a.run} title={a.hint}>
            {a.title}
          </Button>
        ))}
        <Button className={s.button} disabled={off} onClick={p.onPrepareReport} title="Bilan financier, indicateurs et constats du CLS 2024-2025, avec un graphique.">
          {REPORT_TITLE}
        </Button>
        <Button className={s.button} disabled={p.busy || (!p.analysed && !p.marked)} onClick={p.onToggleMarks}>
          {p.marked ? 'Retirer les marques' : 'Marquer les cellules en défaut'}
        </Button>
      </div>
      <div className={s.group}>
        <Subtitle2 as="h2">Écritures du complément</Subtitle2>
        {p.writes.length === 0 ? (
          <Text>Aucune écriture à annuler dans ce classeur.</Text>
        ) : (
          <>
            <ol className={s.list} aria-label="Écritures, de la plus récente à la plus ancienne">
              {p.writes.map((w, i) => (
                <li key={w.id} className={s.entry}>
                  <Text className={s.description}>{w.description}</Text>
                  <Caption1>
                    {whenWritten(w.writtenAt)}
                    {!w.complete && (
                      <>
                        {' '}
                        <Badge appearance="tint" color="warning">
                          interrompue
                        </Badge>
                      </>
                    )}
                  </Caption1>
                  {i === 0 && (
                    <Button size="small" disabled={p.busy} onClick={p.onUndo}>
                      Annuler cette écriture
                    </Button>
                  )}
                </li>
              ))}
            </ol>
            <Caption1>Les écritures s’annulent de la plus récente à la plus ancienne ; le complément garde les {UNDO_DEPTH} dernières, dans le classeur.</Caption1>
          </>
        )}
      </div>
    </div>
  );
}
