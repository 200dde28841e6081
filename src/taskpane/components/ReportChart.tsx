import { Text, mergeClasses } from '@fluentui/react-components';
import { formatEuro, formatPercent, moneyFromNumber, percent } from '../../domain/money';
import type { ReportView } from '../use-pane';
import { barWidth, useChartStyles } from './chart-styles';

const WIDTH = 300;
const BAR = 10;
const ROW = 46;

/**
 * The mid-term report's chart, drawn in the pane from `chartData`: per action, planned (État
 * colour) over spent (green), every action on the same scale — the figures of the report sheet.
 */
export function ReportChart({ report }: { report: ReportView }) {
  const s = useChartStyles();
  const { chartData } = report;
  const [planned, spent] = [chartData.series[0]?.values ?? [], chartData.series[1]?.values ?? []];
  const max = Math.max(...planned, ...spent, 0);
  const euro = (n: number | undefined) => formatEuro(moneyFromNumber(n ?? 0));
  return (
    <figure className={s.figure} aria-label={`Rapport à mi-parcours : ${chartData.title}`} data-report-chart="">
      <Text weight="semibold" as="h3" block>
        {chartData.title}
      </Text>
      {report.rate && <Text size={200}>{`Taux de consommation 2024-2025 (réalisé / prévu) : ${formatPercent(report.rate)}`}</Text>}
      {chartData.categories.length === 0 ? (
        <Text>Aucune action CLS à représenter.</Text>
      ) : (
        <svg className={s.svg} viewBox={`0 0 ${WIDTH} ${chartData.categories.length * ROW}`} role="img">
          {chartData.categories.map((fiche, i) => {
            const y = i * ROW;
            const rate = planned[i] ? percent(moneyFromNumber(spent[i] ?? 0), moneyFromNumber(planned[i])) : null;
            const text = `Fiche ${fiche} : réalisé ${euro(spent[i])} / prévu ${euro(planned[i])}${rate ? ` (${formatPercent(rate)})` : ''}`;
            return (
              <g key={`${fiche}-${i}`} data-fiche={fiche}>
                <title>{text}</title>
                <text className={s.label} x={0} y={y + 12}>
                  {text}
                </text>
                <rect className={s.track} x={0} y={y + 17} width={WIDTH} height={BAR * 2 + 2} rx={2} />
                <rect className={s.state} x={0} y={y + 17} width={barWidth(planned[i] ?? 0, max, WIDTH)} height={BAR} />
                <rect className={s.cd} x={0} y={y + 19 + BAR} width={barWidth(spent[i] ?? 0, max, WIDTH)} height={BAR} />
              </g>
            );
          })}
        </svg>
      )}
      <div className={s.legend}>
        <span><span className={mergeClasses(s.swatch, s.swatchState)} />{chartData.series[0]?.name ?? 'Prévu'}</span>
        <span><span className={mergeClasses(s.swatch, s.swatchCd)} />{chartData.series[1]?.name ?? 'Réalisé'}</span>
      </div>
    </figure>
  );
}
