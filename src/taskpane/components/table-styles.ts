import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Small figure tables of the pane: the whole width, labels left, amounts right-aligned in tabular
 * figures (they line up digit under digit), at the pane's small size so a 13 370 192,00 € fits a
 * 350 px pane beside its label.
 */
export const useTableStyles = makeStyles({
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, paddingBottom: tokens.spacingVerticalXS },
  head: { textAlign: 'right', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  headFirst: { textAlign: 'left', paddingLeft: 0 },
  label: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, padding: `${tokens.spacingVerticalXXS} 0`, verticalAlign: 'top' },
  amount: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
    padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    verticalAlign: 'top',
  },
  row: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  group: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  total: { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  unread: { color: tokens.colorNeutralForeground3 },
  gap: { display: 'block', color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});
