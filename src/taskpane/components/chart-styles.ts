import { makeStyles, tokens } from '@fluentui/react-components';

/** Colours of the drawn summary, from the theme's tokens (SVG fills take them as CSS variables). */
export const useChartStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
  state: { fill: tokens.colorBrandBackground },
  cd: { fill: tokens.colorPaletteGreenBackground3 },
  other: { fill: tokens.colorPaletteMarigoldBackground3 },
  track: { fill: tokens.colorNeutralBackground5 },
  ok: { fill: tokens.colorPaletteGreenBackground3 },
  over: { fill: tokens.colorPaletteRedBackground3 },
  under: { fill: tokens.colorPaletteDarkOrangeBackground3 },
  marker: { stroke: tokens.colorNeutralForeground1, strokeWidth: '2px' },
  label: { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase, fontSize: '11px' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, borderRadius: tokens.borderRadiusSmall },
  swatchState: { backgroundColor: tokens.colorBrandBackground },
  swatchCd: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  swatchOther: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
});

/** A bar's width in the 0..width range; never negative, never past the track. */
export function barWidth(value: number, max: number, width: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(width, (value / max) * width);
}
