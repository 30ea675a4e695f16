/** Plain-SVG charts: a column chart over days and horizontal bar lists. Each has a text twin. */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { formatDay, niceMax } from './format';
import { formatNumber, t, tp } from '../../shared/i18n/i18n';

interface ColumnProps {
  title: string;
  data: { date: string; count: number }[];
}

/** The width drawn before the card is measured (and where it cannot be, as in unit tests). */
const DEFAULT_W = 640;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 34 };

/** Chats per day: one column per day, a labelled axis, every value in a hidden table. */
export function ColumnChart({ title, data }: ColumnProps) {
  const id = useId();
  const [ref, W] = useMeasuredWidth<HTMLElement>(DEFAULT_W);
  const max = niceMax(Math.max(0, ...data.map((d) => d.count)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = data.length > 0 ? plotW / data.length : plotW;
  const barW = Math.max(2, step * 0.7);
  // A day label ("Nov 21") needs about 70 px; a wide card labels more days, a phone fewer.
  const labelEvery = Math.max(1, Math.ceil(data.length / Math.max(2, Math.floor(plotW / 70))));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  return (
    <figure className="scd-chart" ref={ref}>
      <figcaption id={id}>
        {title}{' '}
        <span className="scd-chart__sub">({tp('stats.inDays', data.length, { total })})</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={id}
        className="scd-chart__svg"
      >
        {(max % 2 === 0 ? [0, max / 2, max] : [0, max]).map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className="scd-chart__grid"
            />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="scd-chart__tick">
              {tick}
            </text>
          </g>
        ))}
        {data.map((d, i) => (
          <g key={d.date}>
            <rect
              x={PAD.left + i * step + (step - barW) / 2}
              y={y(d.count)}
              width={barW}
              height={Math.max(0, PAD.top + plotH - y(d.count))}
              className="scd-chart__bar"
            >
              <title>{t('stats.dayCount', { day: formatDay(d.date), count: d.count })}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text
                x={PAD.left + i * step + step / 2}
                y={H - 8}
                textAnchor="middle"
                className="scd-chart__tick"
              >
                {formatDay(d.date)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <table className="sc-visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.date}>
              <th scope="row">{formatDay(d.date)}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Shown instead of the number (e.g. a duration). */
  display?: string;
  /** A CSS class for the bar colour; the label always says what it is. */
  tone?: string;
}

/** Horizontal bars with the label and value written out, so no colour needs decoding. */
export function BarList({ title, items }: { title: string; items: BarItem[] }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <figure className="scd-chart">
      <figcaption>{title}</figcaption>
      <ul className="scd-bars">
        {items.map((item) => (
          <li key={item.key} className="scd-bars__row">
            <span className="scd-bars__label">{item.label}</span>
            <svg
              className="scd-bars__track"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
            >
              <rect x="0" y="0" width="100" height="10" className="scd-bars__bg" />
              <rect
                x="0"
                y="0"
                width={(item.value / max) * 100}
                height="10"
                className={`scd-bars__fill ${item.tone ?? ''}`}
              />
            </svg>
            <span className="scd-bars__value">{item.display ?? formatNumber(item.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * The element's content width in CSS pixels, followed as it changes. The column chart draws in real pixels rather
 * than scaling a fixed drawing: scaled, a wide card either stretched the text or left the chart a narrow island.
 */
function useMeasuredWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  // Measured before the first paint, so a wide card never shows the default drawing for a frame.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.floor(element.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
