/**
 * Cumulative countable turnover through the year against the €20,000 threshold, with the crossing marked.
 * Inline SVG drawn here (no chart library, nothing loaded from elsewhere). role="img" with a text
 * alternative that says what the chart shows; the values are also in the period table below it.
 */
import * as React from "react";
import type { Lang } from "../../i18n/types";
import { dayFromYmd, formatDay } from "../../rules/dates";
import type { Day } from "../../rules/dates";
import type { Cents } from "../../rules/money";
import { formatEuros } from "../../rules/money";
import type { Crossing } from "../../rules/summary-types";
import { S, keepEuroTogether, t } from "../strings";

export interface CumulativeChartProps {
  readonly lang: Lang;
  readonly year: number;
  readonly points: readonly { readonly day: Day; readonly cents: Cents }[];
  readonly thresholdCents: Cents;
  readonly crossing: Crossing | null;
}

const W = 320;
const H = 190;
const PAD = { left: 52, right: 10, top: 12, bottom: 24 };
const LINE = "#0F6CBD"; // Fluent brand blue: 5.1:1 on white
const THRESHOLD = "#C50F1F"; // Fluent red: 6.1:1 on white
const AXIS = "#616161"; // 5.9:1 on white

/** Axis labels in whole euros, as a bookkeeper writes them: "€ 20.000" (nl), "€20,000" (en). */
function axisEuros(cents: Cents, lang: Lang): string {
  return keepEuroTogether(formatEuros(Math.round(cents / 100) * 100, lang).replace(/[.,]00$/, ""));
}

export function CumulativeChart(props: CumulativeChartProps): React.ReactElement {
  const { lang, year, points, thresholdCents, crossing } = props;
  const start = dayFromYmd(year, 1, 1);
  const end = dayFromYmd(year, 12, 31);
  const last = points.length > 0 ? points[points.length - 1].cents : 0;
  const maxCents = Math.max(thresholdCents * 1.15, ...points.map((p) => p.cents * 1.05), 1);
  const x = (d: Day): number => PAD.left + ((d - start) / (end - start)) * (W - PAD.left - PAD.right);
  const y = (c: Cents): number => H - PAD.bottom - (Math.max(0, c) / maxCents) * (H - PAD.top - PAD.bottom);

  // A step line: the running total stays flat between invoices.
  let path = `M${x(start).toFixed(1)},${y(0).toFixed(1)}`;
  let prev = 0;
  for (const p of points) {
    path += ` L${x(p.day).toFixed(1)},${y(prev).toFixed(1)} L${x(p.day).toFixed(1)},${y(p.cents).toFixed(1)}`;
    prev = p.cents;
  }
  const lastDay = points.length > 0 ? points[points.length - 1].day : start;
  path += ` L${x(Math.max(lastDay, start)).toFixed(1)},${y(prev).toFixed(1)}`;

  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round((thresholdCents * f) / 100) * 100);
  const crossingText = crossing === null ? null : formatDay(crossing.day, lang);
  const alt = t(lang, S.chartAlt(year, formatEuros(last, lang), formatEuros(thresholdCents, lang), crossingText));
  const titleId = React.useId();

  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        data-testid="cumulative-chart"
        style={{ display: "block", maxWidth: W }}
      >
        <title id={titleId}>{alt}</title>
        {ticks.map((c) => (
          <g key={c}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(c)} y2={y(c)} stroke="#E0E0E0" strokeWidth={1} />
            <text x={PAD.left - 4} y={y(c) + 3} fontSize={9} textAnchor="end" fill={AXIS}>
              {axisEuros(c, lang)}
            </text>
          </g>
        ))}
        {S.monthShort[lang].map((m, i) => {
          const d = dayFromYmd(year, i + 1, 1);
          return i % 2 === 0 ? (
            <text key={m} x={x(d)} y={H - 8} fontSize={9} fill={AXIS}>
              {m}
            </text>
          ) : null;
        })}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(thresholdCents)}
          y2={y(thresholdCents)}
          stroke={THRESHOLD}
          strokeWidth={1.5}
          strokeDasharray="5 3"
        />
        <text x={PAD.left + 4} y={y(thresholdCents) - 4} fontSize={9} fill={THRESHOLD}>
          {t(lang, S.chartThreshold)} {axisEuros(thresholdCents, lang)}
        </text>
        <path d={path} fill="none" stroke={LINE} strokeWidth={2} />
        {crossing !== null && (
          <g data-testid="chart-crossing">
            <circle cx={x(crossing.day)} cy={y(crossing.runningCents)} r={5} fill="#FFFFFF" stroke={THRESHOLD} strokeWidth={2.5} />
            <text
              x={x(crossing.day) - 8}
              y={Math.min(Math.max(y(crossing.runningCents), y(thresholdCents)) + 16, H - PAD.bottom - 4)}
              fontSize={9}
              fontWeight={600}
              textAnchor="end"
              fill={THRESHOLD}
              stroke="#FFFFFF"
              strokeWidth={3}
              paintOrder="stroke"
            >
              ✕ {t(lang, S.chartCrossing)} {crossingText}
            </text>
          </g>
        )}
      </svg>
      <figcaption aria-hidden style={{ display: "flex", gap: 12, fontSize: 12, color: AXIS, flexWrap: "wrap" }}>
        <span>
          <svg width="18" height="8" aria-hidden>
            <line x1="0" x2="18" y1="4" y2="4" stroke={LINE} strokeWidth={2} />
          </svg>{" "}
          {t(lang, S.chartLegendTurnover)}
        </span>
        <span>
          <svg width="18" height="8" aria-hidden>
            <line x1="0" x2="18" y1="4" y2="4" stroke={THRESHOLD} strokeWidth={1.5} strokeDasharray="5 3" />
          </svg>{" "}
          {t(lang, S.chartThreshold)}
        </span>
      </figcaption>
    </figure>
  );
}
