import { Button, Field, Input, Subtitle2, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PaneSettings } from '../../adapters/office/workbook-actions';
import type { CheckOptions } from '../../domain/workbook';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  settings: PaneSettings;
  /** The readings the last analysis applied (settings, else the Paramètres sheet, else defaults). */
  effective?: CheckOptions;
  disabled: boolean;
  onSave(s: PaneSettings): void;
}

/** Threshold typed as a French percentage ("80" or "80,5") → ratio; null when not one. */
export function parsePercent(text: string): number | null {
  const t = text.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const v = Number(t);
  return v > 0 && v <= 100 ? Math.round(v * 100) / 10000 : null;
}

export function SettingsPanel(p: SettingsPanelProps) {
  const s = useStyles();
  const fse = p.settings.fseAsCd ?? p.effective?.fseAsCd ?? false;
  const threshold = p.settings.underspendThreshold ?? p.effective?.underspendThreshold.toNumber() ?? 0.8;
  const [fseDraft, setFseDraft] = useState(fse);
  const [thresholdText, setThresholdText] = useState(String(Math.round(threshold * 10000) / 100).replace('.', ','));
  useEffect(() => {
    setFseDraft(fse);
  }, [fse]);
  useEffect(() => {
    setThresholdText(String(Math.round(threshold * 10000) / 100).replace('.', ','));
  }, [threshold]);
  const parsed = parsePercent(thresholdText);

  return (
    <section className={s.panel} aria-label="Réglages">
      <Subtitle2 as="h2">Réglages du classeur</Subtitle2>
      <Switch
        checked={fseDraft}
        onChange={(_e, d) => setFseDraft(d.checked)}
        label="Compter la valorisation FSE+ comme part du Département (volet 2, FT art. 3.3)"
      />
      <Field
        label="Seuil de sous-consommation (%)"
        hint="En dessous de ce taux de consommation des crédits, le contrôle UNDERSPEND avertit (CLS art. 2.2)."
        validationState={parsed === null ? 'error' : 'none'}
        validationMessage={parsed === null ? 'Indiquez un pourcentage entre 1 et 100, par exemple 80.' : undefined}
      >
        <Input value={thresholdText} onChange={(_e, d) => setThresholdText(d.value)} inputMode="decimal" />
      </Field>
      <div className={s.actions}>
        <Button disabled={p.disabled || parsed === null} onClick={() => parsed !== null && p.onSave({ fseAsCd: fseDraft, underspendThreshold: parsed })}>
          Enregistrer dans le classeur
        </Button>
      </div>
      <Text size={200}>Ces choix sont enregistrés dans le classeur : un contrôleur qui l’ouvre avec le complément applique les mêmes.</Text>
    </section>
  );
}
