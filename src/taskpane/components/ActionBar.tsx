import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { WriteKind } from '../use-pane';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  busy: boolean;
  analysed: boolean;
  marked: boolean;
  onAnalyse(): void;
  onWrite(kind: WriteKind): void;
  onPrepareReport(): void;
  onUndo(): void;
  onToggleMarks(): void;
}

/** The pane's buttons; all disabled while an action runs (Excel takes one batch at a time). */
export function ActionBar(p: ActionBarProps) {
  const s = useStyles();
  return (
    <div className={s.bar} role="toolbar" aria-label="Actions sur le classeur">
      <Button appearance="primary" disabled={p.busy} onClick={p.onAnalyse}>
        Analyser le classeur
      </Button>
      <div className={s.row}>
        <Button disabled={p.busy} onClick={() => p.onWrite('recalculer')}>
          Recalculer les colonnes
        </Button>
        <Button disabled={p.busy} onClick={() => p.onWrite('volets')}>
          Remplir les volets 1/2/3
        </Button>
        <Button disabled={p.busy} onClick={() => p.onWrite('controles')}>
          Écrire la feuille « Contrôles »
        </Button>
        <Button disabled={p.busy} onClick={p.onPrepareReport}>
          Préparer le rapport à mi-parcours
        </Button>
      </div>
      <div className={s.row}>
        <Button disabled={p.busy} onClick={p.onUndo}>
          Annuler la dernière écriture
        </Button>
        <Button disabled={p.busy || (!p.analysed && !p.marked)} onClick={p.onToggleMarks}>
          {p.marked ? 'Retirer les marques' : 'Marquer les cellules en défaut'}
        </Button>
      </div>
    </div>
  );
}
