import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
});

export interface AnalyseBarProps {
  busy: boolean;
  /** The workbook changed since the analysis shown. */
  stale: boolean;
  analysedAt: Date | null;
  onAnalyse(): void;
}

/** The primary action, first; when the workbook changed since, a notice saying so. */
export function AnalyseBar(p: AnalyseBarProps) {
  const s = useStyles();
  return (
    <div className={s.bar}>
      <div className={s.row}>
        <Button appearance="primary" disabled={p.busy} onClick={p.onAnalyse}>
          Analyser le classeur
        </Button>
        {p.analysedAt && <Caption1>Analysé à {p.analysedAt.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}</Caption1>}
      </div>
      {p.stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="classeur-modifie">
          <MessageBarBody>Classeur modifié depuis l’analyse : les constats et la synthèse peuvent ne plus être à jour.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={p.busy} onClick={p.onAnalyse}>
              Relancer l’analyse
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
