import { Text } from '@fluentui/react-components';
import type { CofiSummary } from '../../domain/summary';
import { formatEuro, formatPercent } from '../../domain/money';
import { barWidth, useChartStyles } from './chart-styles';

const WIDTH = 300;

/** FT art. 3.3: the Département's share of volet 2 on a 0–100 % track, the minimum as a tick. */
export function CofiGauge({ cofi }: { cofi: CofiSummary }) {
  const s = useChartStyles();
  const share = cofi.share?.toNumber() ?? 0;
  const min = cofi.minShare.toNumber();
  const ok = cofi.share !== null && cofi.share.toDecimalPlaces(2).gte(cofi.minShare);
  const reading = cofi.fseCounted ? 'valorisation FSE+ comptée comme part du Département' : 'valorisation FSE+ non comptée';
  const text = `Part du Département : ${cofi.share ? formatPercent(cofi.share) : 'n.d.'} (minimum ${formatPercent(cofi.minShare)})`;
  return (
    <figure className={s.figure} aria-label="Volet 2 : part de cofinancement du Département">
      <Text weight="semibold" as="h3" block>
        France Travail — cofinancement du volet 2
      </Text>
      <svg className={s.svg} viewBox={`0 0 ${WIDTH} 40`} role="img">
        <title>{`${text} ; ${formatEuro(cofi.fseCounted ? cofi.cd.plus(cofi.fse) : cofi.cd)} sur ${formatEuro(cofi.total)} ; ${reading}`}</title>
        <text className={s.label} x={0} y={12}>
          {text}
        </text>
        <rect className={s.track} x={0} y={18} width={WIDTH} height={16} rx={2} />
        <rect className={ok ? s.ok : s.over} x={0} y={18} width={barWidth(share, 100, WIDTH)} height={16} />
        <line className={s.marker} x1={barWidth(min, 100, WIDTH)} x2={barWidth(min, 100, WIDTH)} y1={15} y2={37} />
      </svg>
      <Text size={200}>
        {formatEuro(cofi.fseCounted ? cofi.cd.plus(cofi.fse) : cofi.cd)} sur {formatEuro(cofi.total)} ; {reading}.
      </Text>
    </figure>
  );
}
