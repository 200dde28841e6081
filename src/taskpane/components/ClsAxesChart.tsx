import { Text, mergeClasses } from '@fluentui/react-components';
import type { ClsSummary } from '../../domain/summary';
import { formatEuro, formatPercent } from '../../domain/money';
import { barWidth, useChartStyles } from './chart-styles';

const WIDTH = 300;
const BAR = 16;
const ROW = 44;

/**
 * CLS: one stacked bar per axe (État | Département | autres financeurs), all on the same scale;
 * the tick marks half of each bar, so a CD share under 50 % (CLS art. 2.2) shows at a glance.
 */
export function ClsAxesChart({ cls }: { cls: ClsSummary }) {
  const s = useChartStyles();
  const totals = cls.axes.map((a) => a.state.plus(a.cd).plus(a.other).toNumber());
  const max = Math.max(...totals, 0);
  return (
    <figure className={s.figure} aria-label={`CLS, ${cls.title} : répartition par axe`}>
      <Text weight="semibold" as="h3" block>
        CLS — {cls.title}
      </Text>
      <svg className={s.svg} viewBox={`0 0 ${WIDTH} ${cls.axes.length * ROW}`} role="img">
        {cls.axes.map((a, i) => {
          const y = i * ROW;
          const wState = barWidth(a.state.toNumber(), max, WIDTH);
          const wCd = barWidth(a.cd.toNumber(), max, WIDTH);
          const wOther = barWidth(a.other.toNumber(), max, WIDTH);
          const half = (wState + wCd + wOther) / 2;
          const share = a.cdShare ? formatPercent(a.cdShare) : 'n.d.';
          return (
            <g key={a.axe} data-axe={a.axe}>
              <title>{`Axe ${a.axe} : État ${formatEuro(a.state)}, Département ${formatEuro(a.cd)}, autres ${formatEuro(a.other)}, part du Département ${share}`}</title>
              <text className={s.label} x={0} y={y + 12}>
                {`Axe ${a.axe} — part du Département ${share}`}
              </text>
              <rect className={s.track} x={0} y={y + 18} width={WIDTH} height={BAR} rx={2} />
              <rect className={s.state} x={0} y={y + 18} width={wState} height={BAR} />
              <rect className={s.cd} x={wState} y={y + 18} width={wCd} height={BAR} />
              <rect className={s.other} x={wState + wCd} y={y + 18} width={wOther} height={BAR} />
              {half > 0 && <line className={s.marker} x1={half} x2={half} y1={y + 15} y2={y + 18 + BAR + 3} />}
            </g>
          );
        })}
      </svg>
      <div className={s.legend}>
        <span><span className={mergeClasses(s.swatch, s.swatchState)} />État</span>
        <span><span className={mergeClasses(s.swatch, s.swatchCd)} />Département</span>
        <span><span className={mergeClasses(s.swatch, s.swatchOther)} />Autres financeurs</span>
        <span>| : moitié du budget</span>
      </div>
    </figure>
  );
}
