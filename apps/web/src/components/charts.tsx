/**
 * Plain SVG charts: horizontal bars for a distribution and a line for a history. Lighter than
 * any chart library, and each chart carries a text alternative for screen readers.
 */

export interface Bar {
  label: string;
  value: number;
  title?: string;
}

/** Bars scaled to the largest value, labelled with `format(value)`. */
export function BarChart({ bars, format, label }: { bars: Bar[]; format: (v: number) => string; label: string }) {
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  return (
    <figure className="bars" aria-label={label}>
      {bars.map((bar) => (
        <div className="bar-row" key={bar.label} title={bar.title ?? bar.label}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(bar.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{format(bar.value)}</span>
        </div>
      ))}
    </figure>
  );
}

export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
}

/** Lines over a shared x axis (timestamps), y from 0 to `yMax`. */
export function LineChart({
  series,
  yMax,
  label,
  formatX,
}: {
  series: Series[];
  yMax: number;
  label: string;
  formatX: (x: number) => string;
}) {
  const width = 600;
  const height = 200;
  const pad = 24;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const spanX = maxX - minX || 1;
  const sx = (x: number) => pad + ((x - minX) / spanX) * (width - 2 * pad);
  const sy = (y: number) => height - pad - (y / (yMax || 1)) * (height - 2 * pad);
  if (xs.length === 0) return null;
  return (
    <figure className="line-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="axis" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} className="axis" />
        {series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.color}
            strokeWidth="2"
            points={s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(" ")}
          />
        ))}
        <text x={pad} y={height - 6} className="tick">
          {formatX(minX)}
        </text>
        <text x={width - pad} y={height - 6} className="tick" textAnchor="end">
          {formatX(maxX)}
        </text>
      </svg>
      <figcaption>
        {series.map((s) => (
          <span key={s.name} className="legend">
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
