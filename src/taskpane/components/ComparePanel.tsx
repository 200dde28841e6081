import { Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { diffSummary } from '../../domain/diff-lines';
import { type ChangeItem, type Place, comparisonSections } from '../comparison-view';
import { frenchSpacing } from '../pane-text';
import type { ComparisonView } from '../use-comparison';
import { useCardStyles } from './card-styles';
import { XlsxFileInput } from './XlsxFileInput';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  pick: { alignSelf: 'flex-start' },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  sectionTitle: { marginTop: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  how: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  // A finding's message is a sentence, not a figure: read at the body's weight.
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  where: { color: tokens.colorNeutralForeground3 },
});

export interface ComparePanelProps {
  comparison: ComparisonView | null;
  busy: boolean;
  /** The officer chose a file: compare it (as the version before) with the open workbook. */
  onCompare(file: File): void;
  /** The same file against the workbook as it is now. */
  onCompareAgain(): void;
  /** Shows a cell of the open workbook. */
  onShow(place: Place): void;
}

/**
 * « Comparer avec une version précédente »: a file chosen on the officer's computer against the
 * open workbook, listed as `annexes diff` lists it — amounts changed (before → after, difference),
 * rows and tables added or removed, parameters, co-financing shares crossing the minimum, totals
 * moved, findings fixed and introduced. A change that has a cell in the open workbook is a button
 * that shows it. Reading only: nothing is written.
 */
export function ComparePanel({ comparison, busy, onCompare, onCompareAgain, onShow }: ComparePanelProps) {
  const s = useStyles();
  const card = useCardStyles();
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const sections = comparison ? comparisonSections(comparison.diff) : [];
  const show = (key: string, place: Place) => {
    setSelected(key);
    onShow(place);
  };
  const item = (sectionId: string, c: ChangeItem) => {
    const key = `${sectionId}-${c.key}`;
    const finding = sectionId === 'fixed' || sectionId === 'introduced';
    const body = (
      <>
        <span>{c.what}</span>
        <span className={finding ? s.message : s.how}>{c.how}</span>
        {c.where && <span className={s.where}>{c.where}</span>}
      </>
    );
    return (
      <li key={key}>
        {c.target ? (
          <button
            type="button"
            className={mergeClasses(card.card, card.clickable, s.item, selected === key && card.selected)}
            aria-pressed={selected === key}
            data-target={`${c.target.sheet}!${c.target.address}`}
            onClick={() => show(key, c.target!)}
          >
            {body}
          </button>
        ) : (
          <div className={mergeClasses(card.card, s.item)}>{body}</div>
        )}
      </li>
    );
  };
  return (
    <div className={s.panel}>
      <XlsxFileInput
        ref={input}
        label="Version précédente du classeur (.xlsx)"
        testId="version-precedente"
        onFile={(file) => {
          setSelected(null);
          onCompare(file);
        }}
      />
      <Subtitle2 as="h2">Comparer avec une version précédente</Subtitle2>
      {!comparison && <Caption1>{frenchSpacing('Une version du classeur enregistrée plus tôt (.xlsx) : le volet dit ce qui a changé depuis. Rien n’est écrit dans le classeur.')}</Caption1>}
      {/* The name starts with the visible label (WCAG 2.5.3) and says which file. */}
      <Button className={s.pick} disabled={busy} onClick={() => input.current?.click()} aria-label={comparison ? 'Choisir un autre fichier de version précédente' : 'Choisir le fichier de la version précédente'}>
        {comparison ? 'Choisir un autre fichier…' : 'Choisir le fichier…'}
      </Button>
      {comparison && (
        <section className={s.results} aria-labelledby={titleId} data-comparison="">
          <Text weight="semibold" as="h3" block id={titleId}>
            {frenchSpacing(`Changements depuis « ${comparison.fileName} »`)}
          </Text>
          <span className={s.header}>
            <Caption1>
              Classeur ouvert comparé à {comparison.comparedAt.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })}
            </Caption1>
            <Button size="small" disabled={busy} onClick={onCompareAgain}>
              Comparer de nouveau
            </Button>
          </span>
          <Text>{frenchSpacing(diffSummary(comparison.diff))}</Text>
          {sections.map((sec) => (
            <div key={sec.id} data-section={sec.id}>
              <Text weight="semibold" size={200} as="h4" block className={s.sectionTitle} id={`${titleId}-${sec.id}`}>
                {sec.title} ({sec.items.length})
              </Text>
              <ul className={s.list} aria-labelledby={`${titleId}-${sec.id}`}>
                {sec.items.map((c) => item(sec.id, c))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
