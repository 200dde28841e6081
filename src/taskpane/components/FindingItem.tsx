import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { forwardRef } from 'react';
import type { Finding } from '../../domain/finding';
import { RULES } from '../../domain/rules/catalogue';
import { inPaneWords } from '../pane-text';
import { useCardStyles } from './card-styles';

const useStyles = makeStyles({
  item: { display: 'block' },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXS },
  badge: { flexShrink: 0, marginTop: tokens.spacingVerticalXXS },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalXS },
  message: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  article: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
});

const BADGE = { error: 'danger', warning: 'warning', info: 'informative' } as const;
export const SEVERITY_NAME = { error: 'Erreur', warning: 'Avertissement', info: 'Information' } as const;
const TITLES = new Map(RULES.map((r) => [r.id, r.title]));

/**
 * One finding, as a card that shows its cell in Excel: the rule's French title first, the cell and
 * the rule ID after; the severity is a word (not a colour only) and opens the accessible name.
 * Every text comes from the workbook or the engine and is rendered as text by React (never as
 * HTML): a cell holding markup shows as typed.
 */
export const FindingItem = forwardRef<HTMLButtonElement, { finding: Finding; selected: boolean; onSelect(f: Finding): void }>(function FindingItem({ finding, selected, onSelect }, ref) {
  const s = useStyles();
  const card = useCardStyles();
  const where = finding.sheet ? finding.cell || 'feuille entière' : 'classeur entier';
  return (
    <button ref={ref} type="button" className={mergeClasses(card.card, card.clickable, s.item, selected && card.selected)} onClick={() => onSelect(finding)} data-rule={finding.rule} data-cell={finding.cell} aria-pressed={selected}>
      <span className={s.head}>
        <Badge className={s.badge} appearance="tint" color={BADGE[finding.severity]}>
          {SEVERITY_NAME[finding.severity]}
        </Badge>
        <span className={s.title}>{TITLES.get(finding.rule) ?? finding.rule}</span>
      </span>
      <span className={s.meta}>
        {where} · {finding.rule}
      </span>
      <span className={s.message}>{inPaneWords(finding.message)}</span>
      <span className={s.article}>{finding.article}</span>
    </button>
  );
});
