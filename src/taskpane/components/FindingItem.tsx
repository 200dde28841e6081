import { Badge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../domain/finding';

const useStyles = makeStyles({
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    cursor: 'pointer',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXS },
  message: { display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  article: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
});

const BADGE = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/**
 * One finding, as a button that shows its cell in Excel. Every text comes from the workbook or the
 * engine and is rendered as text by React (never as HTML): a cell holding markup shows as typed.
 */
export function FindingItem({ finding, selected, onSelect }: { finding: Finding; selected: boolean; onSelect(f: Finding): void }) {
  const s = useStyles();
  const where = finding.cell ? `${finding.cell}` : 'feuille entière';
  return (
    <button type="button" className={mergeClasses(s.item, selected && s.selected)} onClick={() => onSelect(finding)} data-rule={finding.rule} data-cell={finding.cell} aria-pressed={selected}>
      <span className={s.head}>
        <Badge appearance="tint" color={BADGE[finding.severity]}>
          {finding.rule}
        </Badge>
        <span>{finding.sheet ? where : 'classeur'}</span>
      </span>
      <span className={s.message}>{finding.message}</span>
      <span className={s.article}>
        {finding.article}
      </span>
    </button>
  );
}
