// Small, dependency-free charts for the reports ("charts where people would rather look than read"). Series use
// the Okabe–Ito colours (readable with the common colour-vision deficiencies), each named in the legend, and every
// number is also in the table next to the chart.

export interface BarRow {
  key: string;
  label: string;
  value: number;
  display: string;
  tone?: 'ok' | 'warn' | 'danger' | 'info';
}

/** Horizontal bars: one per row, the value printed at the end. */
export const BarList = ({ rows, max, testId }: { rows: BarRow[]; max: number; testId?: string }) => (
  <ul className="lt-barlist" data-testid={testId}>
    {rows.map((row) => (
      <li key={row.key} className="lt-barlist-row">
        <span className="lt-barlist-label" title={row.label}>
          {row.label}
        </span>
        <span className="lt-barlist-track">
          <span className={`lt-barlist-fill tone-${row.tone ?? 'info'}`} style={{ width: `${max <= 0 ? 0 : Math.max(0, Math.min(100, (row.value / max) * 100))}%` }} />
        </span>
        <span className="lt-barlist-value">{row.display}</span>
      </li>
    ))}
  </ul>
);

export interface Series {
  name: string;
  /** Index into the chart palette (lt-s0 …). */
  color: number;
  values: (number | null)[];
}

const HEIGHT = 180;
const TOP = 12;
const BOTTOM = 28;
const LEFT = 40;

/** Vertical columns per category: grouped side by side, or stacked. Values are drawn to scale from 0 to max. */
export const ColumnChart = ({
  categories,
  series,
  max,
  stacked = false,
  format,
  testId,
}: {
  categories: string[];
  series: Series[];
  max: number;
  stacked?: boolean;
  format: (value: number) => string;
  testId?: string;
}) => {
  const width = Math.max(360, LEFT + categories.length * (stacked ? 34 : 18 * series.length + 16));
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = (width - LEFT) / Math.max(1, categories.length);
  const barWidth = stacked ? Math.min(28, slot * 0.7) : Math.min(16, (slot * 0.8) / Math.max(1, series.length));
  const y = (value: number): number => TOP + plot - (max <= 0 ? 0 : (value / max) * plot);
  const labelEvery = Math.max(1, Math.ceil(categories.length / 12));
  return (
    <figure className="lt-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} className="lt-chart-svg" role="img" aria-label={series.map((s) => s.name).join(', ')}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={LEFT} x2={width} y1={y(max * f)} y2={y(max * f)} className="lt-grid" />
            <text x={LEFT - 6} y={y(max * f) + 4} className="lt-axis" textAnchor="end">
              {format(max * f)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          const x0 = LEFT + i * slot + (slot - (stacked ? barWidth : barWidth * series.length)) / 2;
          let base = 0;
          return (
            <g key={category}>
              {series.map((s, j) => {
                const value = s.values[i] ?? null;
                if (value === null) return null;
                const top = stacked ? base + value : value;
                const rect = (
                  <rect
                    key={s.name}
                    x={stacked ? x0 : x0 + j * barWidth}
                    width={barWidth - 1}
                    y={y(top)}
                    height={Math.max(0, y(stacked ? base : 0) - y(top))}
                    className={`lt-s${s.color}`}
                  >
                    <title>{`${category} · ${s.name}: ${format(value)}`}</title>
                  </rect>
                );
                base = top;
                return rect;
              })}
              {i % labelEvery === 0 ? (
                <text x={LEFT + i * slot + slot / 2} y={HEIGHT - 8} className="lt-axis" textAnchor="middle">
                  {category}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="lt-legend">
        {series.map((s) => (
          <span key={s.name} className="lt-legend-item">
            <span className={`lt-legend-swatch lt-s${s.color}`} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
};
