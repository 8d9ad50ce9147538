import type { MetricPoint } from '../api';
import { Box, formatValue, groupMetrics, scaleSeries } from './chartScale';

const box: Box = { width: 200, height: 110, left: 40, bottom: 18, top: 6, right: 6 };

/** A small line chart per metric key of a stage (loss, accuracy, learning rate…), drawn as plain SVG. */
export function MetricsCharts({ points }: { points: MetricPoint[] }) {
  const groups = groupMetrics(points);
  if (!groups.length) return <p className="muted">No metrics logged for this stage.</p>;
  return (
    <div className="charts" data-testid="metrics-charts">
      {groups.map(([key, series]) => (
        <MetricChart key={key} name={key} series={series} />
      ))}
    </div>
  );
}

function MetricChart({ name, series }: { name: string; series: MetricPoint[] }) {
  const scaled = scaleSeries(series, box);
  const last = series[series.length - 1];
  const plotBottom = box.height - box.bottom;
  return (
    <figure className="chart" data-testid={`metric-${name}`}>
      <figcaption>
        <span>{name}</span>
        <span className="muted">
          {formatValue(last.value)} @ {last.step}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={`${name} over steps`}>
        {scaled.yTicks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={box.left} x2={box.width - box.right} y1={t.at} y2={t.at} className="grid" />
            <text x={box.left - 3} y={t.at + 3} textAnchor="end">
              {formatValue(t.value)}
            </text>
          </g>
        ))}
        {scaled.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.at} y={plotBottom + 12} textAnchor="middle">
            {t.value}
          </text>
        ))}
        <line x1={box.left} x2={box.width - box.right} y1={plotBottom} y2={plotBottom} className="axis" />
        <path d={scaled.path} className="line" />
        {scaled.dots.length <= 30 && scaled.dots.map((d, i) => <circle key={i} cx={d.x} cy={d.y} r={1.8} className="dot" />)}
      </svg>
    </figure>
  );
}
