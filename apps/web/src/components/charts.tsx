/**
 * Charts: horizontal bars for a distribution, and lines over time drawn with visx (scales,
 * axes and line shapes as SVG, and nothing else — small, and clear at any width). Each chart
 * has a text alternative: its label for screen readers, and its numbers in a table.
 */
import { AxisBottom, AxisLeft } from "@visx/axis";
import { curveLinear, curveStepAfter } from "@visx/curve";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";

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
        <div className="bar-row" key={bar.title ?? bar.label} title={bar.title ?? bar.label}>
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

const WIDTH = 600;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 36, left: 52 };

/**
 * Lines over a shared x axis (timestamps), y from 0 to `yMax`, with labelled axes. `step` draws
 * each value until the next change (a balance), rather than a slope between them.
 */
export function LineChart({
  series,
  yMax,
  label,
  formatX,
  formatY = (y) => String(y),
  step = false,
}: {
  series: Series[];
  yMax: number;
  label: string;
  formatX: (x: number) => string;
  formatY?: (y: number) => string;
  step?: boolean;
}) {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  if (xs.length === 0) return null;
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear<number>({ domain: [minX, maxX === minX ? minX + 1 : maxX], range: [0, innerWidth] });
  const y = scaleLinear<number>({ domain: [0, yMax || 1], range: [innerHeight, 0], nice: true });
  // Every point in time any series has, for the table.
  const times = [...new Set(xs)].sort((a, b) => a - b);
  return (
    <figure className="line-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <AxisLeft
            scale={y}
            numTicks={4}
            tickFormat={(v) => formatY(Number(v))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ className: "tick", textAnchor: "end", dx: -4, dy: 3 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            numTicks={3}
            tickFormat={(v) => formatX(Number(v))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ className: "tick", textAnchor: "middle" }}
          />
          {series.map((s) => (
            <LinePath
              key={s.name}
              data={s.points}
              x={(p) => x(p.x)}
              y={(p) => y(p.y)}
              stroke={s.color}
              strokeWidth={2}
              curve={step ? curveStepAfter : curveLinear}
            />
          ))}
        </Group>
      </svg>
      <figcaption>
        {series.map((s) => (
          <span key={s.name} className="legend">
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.name}
          </span>
        ))}
        <details>
          <summary>The numbers</summary>
          <div className="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  {series.map((s) => (
                    <th scope="col" key={s.name}>
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {times.map((t) => (
                  <tr key={t}>
                    <th scope="row">{formatX(t)}</th>
                    {series.map((s) => {
                      const point = s.points.find((p) => p.x === t);
                      return <td key={s.name}>{point ? formatY(point.y) : "—"}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
