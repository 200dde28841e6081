import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { euro, frenchSpacing, rate } from '../pane-text';
import { useChartStyles } from './chart-styles';
import type { NamedLine } from './ConventionPanel';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  track: { position: 'relative', height: '18px', margin: `${tokens.spacingVerticalXXS} 0`, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  notified: { position: 'absolute', left: 0, top: 0, height: '18px', backgroundColor: tokens.colorNeutralBackground5 },
  bar: { position: 'absolute', left: 0, height: '8px' },
  paid: { top: '0', backgroundColor: tokens.colorBrandBackground },
  spent: { top: '10px', backgroundColor: tokens.colorPaletteGreenBackground3 },
  swatchTrack: { backgroundColor: tokens.colorNeutralBackground5 },
});

/** A share of the line's scale, in % of the track, never negative, never past it. */
function width(value: number, scale: number): string {
  return `${scale > 0 && value > 0 ? Math.min(100, (value / scale) * 100) : 0}%`;
}

/**
 * Over the years read, per line: notified as the track, paid (upper bar) and spent (lower bar) on
 * the same scale, the figures in words under it. The bars repeat the words for the eye only.
 */
export function ConventionCumul({ lines }: { lines: NamedLine[] }) {
  const s = useStyles();
  const c = useChartStyles();
  return (
    <div>
      <Text weight="semibold" as="h4" block>
        Cumul des années lues
      </Text>
      <ul className={s.list} aria-label="Cumul des années lues, pour tout le CLS puis par axe">
        {lines.map(({ id, name, line }) => {
          const t = line.totals;
          const scale = Math.max(t.notified.toNumber(), t.paid.toNumber(), t.stateSpent.toNumber());
          return (
            <li key={id} className={s.item} data-line={id}>
              <span className={s.head}>
                <Text weight="semibold">{name}</Text>
                <Text size={200}>{t.stateRate ? `consommation ${rate(t.stateRate)}` : 'consommation non mesurée'}</Text>
              </span>
              <span className={s.track} aria-hidden="true">
                <span className={s.notified} style={{ width: width(t.notified.toNumber(), scale) }} />
                <span className={mergeClasses(s.bar, s.paid)} style={{ width: width(t.paid.toNumber(), scale) }} />
                <span className={mergeClasses(s.bar, s.spent)} style={{ width: width(t.stateSpent.toNumber(), scale) }} />
              </span>
              {[
                `Notifié ${euro(t.notified)} · versé ${euro(t.paid)}`,
                `Réalisé ${euro(t.stateSpent)}${t.stateRate ? ` (${rate(t.stateRate)} du versé)` : ''} · non consommé ${euro(t.stateUnspent)}`,
                `Reporté ${euro(t.carryOverState)} (part CD ${euro(t.carryOverCd)})`,
                // CD allocated counts the years planned; its rate, like the State's, only the years executed.
                frenchSpacing(`Département : affecté ${euro(t.cdAllocated)} · réalisé ${euro(t.cdSpent)}${t.cdRate ? ` (${rate(t.cdRate)} sur les années exécutées)` : ''}`),
              ].map((text) => (
                <Text key={text} size={200}>
                  {text}
                </Text>
              ))}
            </li>
          );
        })}
      </ul>
      <div className={c.legend} aria-hidden="true">
        <span><span className={mergeClasses(c.swatch, s.swatchTrack)} />Notifié</span>
        <span><span className={mergeClasses(c.swatch, c.swatchState)} />Versé</span>
        <span><span className={mergeClasses(c.swatch, c.swatchCd)} />Réalisé</span>
      </div>
    </div>
  );
}
