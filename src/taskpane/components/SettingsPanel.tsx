import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import Decimal from 'decimal.js';
import { useEffect, useState } from 'react';
import type { PaneSettings } from '../../adapters/office/workbook-actions';
import type { Parameters } from '../../domain/parameters';
import type { CheckOptions } from '../../domain/workbook';
import type { ReadingSettings, SettingsPlan } from '../../layout/fill/settings-plan';
import { frenchSpacing } from '../pane-text';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface SettingsPanelProps {
  /** The readings the last analysis applied (the Paramètres sheet, else the defaults). */
  options: CheckOptions | null;
  params: Parameters | null;
  /** Readings an earlier version of the pane kept outside the sheet. */
  legacy: PaneSettings;
  disabled: boolean;
  preview(s: ReadingSettings): SettingsPlan | null;
  onWrite(s: ReadingSettings): void;
}

/** Threshold typed as a French percentage ("80" or "80,5") → ratio; null when not one. */
export function parsePercent(text: string): Decimal | null {
  const t = text.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const v = new Decimal(t);
  return v.gt(0) && v.lte(100) ? v.div(100) : null;
}

const asPercentText = (ratio: Decimal) => ratio.times(100).toDecimalPlaces(2).toString().replace('.', ',');

/**
 * The readings users may disagree on, where every front end reads them: the « Paramètres » sheet.
 * Changing one here writes it there — after the officer has seen which cells — so that
 * `annexes check` on the saved file applies the same readings. The write is undoable like the others.
 */
export function SettingsPanel(p: SettingsPanelProps) {
  const s = useStyles();
  const fse = p.options?.fseAsCd ?? false;
  const threshold = p.options?.underspendThreshold ?? new Decimal('0.8');
  const [fseDraft, setFseDraft] = useState(fse);
  const [thresholdText, setThresholdText] = useState(asPercentText(threshold));
  const [confirm, setConfirm] = useState<{ settings: ReadingSettings; plan: SettingsPlan } | null>(null);
  useEffect(() => setFseDraft(fse), [fse]);
  useEffect(() => setThresholdText(asPercentText(threshold)), [threshold]);
  const parsed = parsePercent(thresholdText);
  const changed = fseDraft !== fse || (parsed !== null && !parsed.eq(threshold));
  const source = (key: string) => {
    const ref = p.params?.refs.get(key);
    return ref ? `Lu dans la feuille « ${ref.sheet} », cellule ${ref.address}.` : 'Absent de la feuille « Paramètres » : valeur par défaut.';
  };
  const legacyShown = p.legacy.fseAsCd !== undefined || p.legacy.underspendThreshold !== undefined;

  const ask = () => {
    if (parsed === null) return;
    const settings = { fseAsCd: fseDraft, underspendThreshold: parsed };
    const plan = p.preview(settings);
    if (plan) setConfirm({ settings, plan });
  };

  return (
    <div className={s.panel}>
      <Subtitle2 as="h2">Lectures appliquées au classeur</Subtitle2>
      {!p.options && <Text>Analysez d’abord le classeur : les réglages affichés seront ceux de sa feuille « Paramètres ».</Text>}
      {legacyShown && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Une version précédente du complément a gardé des réglages hors de la feuille « Paramètres »
            {p.legacy.fseAsCd !== undefined ? ` (valorisation FSE+ comptée : ${p.legacy.fseAsCd ? 'oui' : 'non'})` : ''}
            {p.legacy.underspendThreshold !== undefined ? ` (seuil : ${asPercentText(new Decimal(String(p.legacy.underspendThreshold)))} %)` : ''} : la commande annexes check ne les voit pas.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              onClick={() => {
                if (p.legacy.fseAsCd !== undefined) setFseDraft(p.legacy.fseAsCd);
                if (p.legacy.underspendThreshold !== undefined) setThresholdText(asPercentText(new Decimal(String(p.legacy.underspendThreshold))));
              }}
            >
              Reprendre ces réglages
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <Switch checked={fseDraft} onChange={(_e, d) => setFseDraft(d.checked)} disabled={!p.options} label="Compter la valorisation FSE+ comme part du Département (volet 2, FT art. 3.3)" />
      <Caption1>{p.options ? source('fseAsCd') : ''}</Caption1>
      <Field
        label="Seuil de sous-consommation (%)"
        hint={`En dessous de ce taux de consommation des crédits, le contrôle UNDERSPEND avertit (CLS art. 2.2). ${p.options ? source('underspendThreshold') : ''}`}
        validationState={parsed === null ? 'error' : 'none'}
        validationMessage={parsed === null ? 'Indiquez un pourcentage entre 0 et 100, par exemple 80 ou 72,5.' : undefined}
      >
        <Input value={thresholdText} onChange={(_e, d) => setThresholdText(d.value)} inputMode="decimal" disabled={!p.options} />
      </Field>
      <Button disabled={p.disabled || parsed === null || !changed} onClick={ask}>
        Écrire dans « Paramètres »…
      </Button>
      <Caption1>Ces lectures vivent dans la feuille « Paramètres » du classeur : la commande annexes check d’un contrôleur applique les mêmes.</Caption1>
      <Dialog open={confirm !== null} onOpenChange={(_e, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Écrire ces réglages dans le classeur ?</DialogTitle>
            <DialogContent>
              <Text block>Le complément va écrire dans le classeur{'\u00a0'}:</Text>
              <ul className={s.changes}>
                {confirm?.plan.changes.map((c) => (
                  <li key={c.id}>
                    {frenchSpacing(`« ${c.label} » : ${c.shown} (cellule ${c.cell})`)}
                  </li>
                ))}
              </ul>
              <Text block>
                Une fois le classeur enregistré, la commande annexes check appliquera ces lectures. Cette écriture s’annule comme les autres, dans l’onglet Écritures.
              </Text>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const c = confirm;
                  setConfirm(null);
                  if (c) p.onWrite(c.settings);
                }}
              >
                Écrire
              </Button>
              <Button onClick={() => setConfirm(null)}>Ne pas écrire</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
