import { Text } from '@fluentui/react-components';
import type { VoletSummary } from '../../domain/summary';
import { formatEuro, formatPercent, percent, sameCents } from '../../domain/money';
import { barWidth, useChartStyles } from './chart-styles';

const WIDTH = 300;
const BAR = 16;
const ROW = 58;
/** Two label lines above each bar: a single one passes 300 units with euro amounts in the millions. */
const BAR_Y = 32;

/**
 * FT: each volet's TOTAL BESOINS against its plafond (FT art. 4.1), each on its own scale (the
 * plafond is the full track): green when equal to the cent, red above, orange below.
 */
export function VoletsChart({ volets }: { volets: VoletSummary[] }) {
  const s = useChartStyles();
  return (
    <figure className={s.figure} aria-label="France Travail : total de chaque volet et son plafond">
      <Text weight="semibold" as="h3" block>
        France Travail — total des volets et plafonds
      </Text>
      <svg className={s.svg} viewBox={`0 0 ${WIDTH} ${volets.length * ROW}`} role="img">
        {volets.map((v, i) => {
          const y = i * ROW;
          const total = v.total?.toNumber() ?? 0;
          const ceiling = v.ceiling?.toNumber() ?? 0;
          const scale = Math.max(total, ceiling);
          const state = v.total && v.ceiling ? (sameCents(v.total, v.ceiling) ? s.ok : v.total.gt(v.ceiling) ? s.over : s.under) : s.under;
          const rate = v.total && v.ceiling ? percent(v.total, v.ceiling) : null;
          const first = `Volet ${v.volet} : ${v.total ? formatEuro(v.total) : 'total illisible'}`;
          const second = v.ceiling ? `plafond ${formatEuro(v.ceiling)}${rate ? ` (${formatPercent(rate)})` : ''}` : 'plafond non indiqué';
          const text = `${first} / ${second}`;
          return (
            <g key={v.volet} data-volet={v.volet}>
              <title>{text}</title>
              <text className={s.label} x={0} y={y + 12}>
                {first}
              </text>
              <text className={s.label} x={0} y={y + 26}>
                {second}
              </text>
              <rect className={s.track} x={0} y={y + BAR_Y} width={barWidth(ceiling, scale, WIDTH)} height={BAR} rx={2} />
              <rect className={state} x={0} y={y + BAR_Y} width={barWidth(total, scale, WIDTH)} height={BAR} />
              {ceiling > 0 && <line className={s.marker} x1={barWidth(ceiling, scale, WIDTH)} x2={barWidth(ceiling, scale, WIDTH)} y1={y + BAR_Y - 3} y2={y + BAR_Y + BAR + 3} />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
