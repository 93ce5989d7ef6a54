import { html } from './html.js';

/*
 * Horizontal bar charts as inline SVG. They sit above a table holding the same figures, so they only need to
 * show the shape at a glance: no interaction, no library. Sizes are in viewBox units so the chart scales with
 * the page; colours come from the bar-<kind> classes in app.css, since the CSP forbids inline styles.
 */
const WIDTH = 640;
const LABEL_WIDTH = 110; // a nine-digit town code at the label size, with room to spare
const VALUE_WIDTH = 64; // "100.0%" after a full-length bar
const BAR = 14;
const BAR_GAP = 3;
const ROW_GAP = 10;
const AXIS = 24;
const PLOT = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/** Rounds the scale up to 1, 2 or 5 × 10ⁿ so the end tick is a number read at a glance. */
function niceMax(value) {
  if (!(value > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * step).find((m) => m >= value);
}

const sum = (segments) => segments.reduce((total, segment) => total + segment.value, 0);

/**
 * A <figure> of labelled rows, each with one or more bars (`bars`: arrays of stacked segments; `segments` is
 * shorthand for a single bar). `series` [{ kind, name }] names each kind for the legend and the screen reader.
 * Values that are not finite numbers are left out, so a rate with nothing to rate draws no bar; a row left with
 * no bar shows "—". `max` fixes the scale (100 for percentages), otherwise it fits the longest bar.
 */
export function barChartHtml({ title, className = '', rows, series, max, unit = '', format }) {
  const show = format ?? ((value) => `${value}${unit}`);
  const name = (kind) => series.find((item) => item.kind === kind)?.name ?? kind;
  const groups = rows.map((row) => ({
    label: row.label,
    bars: (row.bars ?? [row.segments])
      .map((segments) => segments.filter((segment) => Number.isFinite(segment.value) && segment.value >= 0))
      .filter((segments) => segments.length > 0),
  }));
  const top = max ?? niceMax(Math.max(0, ...groups.flatMap((group) => group.bars.map(sum))));
  // Tenths of a unit are finer than any screen shows, and keep the markup readable.
  const length = (value) => (top > 0 ? Math.round(Math.min(PLOT, (value / top) * PLOT) * 10) / 10 : 0);
  let y = 0;
  const placed = groups.map((group) => {
    const start = y;
    y += Math.max(1, group.bars.length) * (BAR + BAR_GAP) - BAR_GAP + ROW_GAP;
    return { ...group, start };
  });
  const plotHeight = Math.max(0, y - ROW_GAP);
  const ticks = Number.isInteger(top / 2) ? [0, top / 2, top] : [0, top];
  // A stacked bar is read out part by part and then whole, as the eye reads the coloured parts and the end label.
  const spokenBar = (segments) =>
    segments.map((segment) => `${name(segment.kind)} ${show(segment.value)}`).join('，') +
    (segments.length > 1 ? `，共 ${show(sum(segments))}` : '');
  const spoken = groups
    .map((group) => `${group.label}：${group.bars.map(spokenBar).join('，') || '无数据'}`)
    .join('；');

  const barHtml = (segments, barTop) => {
    let x = LABEL_WIDTH;
    const rects = segments.map((segment) => {
      const width = length(segment.value);
      const rect = html`<rect
        class="bar-${segment.kind}"
        x="${x}"
        y="${barTop}"
        width="${width}"
        height="${BAR}"
      >
        <title>${name(segment.kind)} ${show(segment.value)}</title>
      </rect>`;
      x += width;
      return rect;
    });
    return html`${rects}<text
        class="chart-value"
        x="${x + 4}"
        y="${barTop + BAR / 2}"
        dominant-baseline="middle"
        >${show(sum(segments))}</text
      >`;
  };

  return html`<figure class="chart ${className}">
    <svg
      role="img"
      aria-label="${title}：${spoken || '暂无数据'}"
      viewBox="0 0 ${WIDTH} ${plotHeight + AXIS}"
    >
      ${ticks.map((tick) => {
        const x = LABEL_WIDTH + length(tick);
        return html`<line class="chart-grid" x1="${x}" x2="${x}" y1="0" y2="${plotHeight + 4}" />
          <text class="chart-tick" x="${x}" y="${plotHeight + 18}" text-anchor="middle"
            >${tick}${unit}</text
          >`;
      })}
      ${placed.map(
        (group) =>
          html`<text
              class="chart-label"
              x="${LABEL_WIDTH - 8}"
              y="${group.start + BAR / 2}"
              text-anchor="end"
              dominant-baseline="middle"
              >${group.label}</text
            >
            ${group.bars.length
              ? group.bars.map((segments, i) => barHtml(segments, group.start + i * (BAR + BAR_GAP)))
              : html`<text
                  class="chart-value"
                  x="${LABEL_WIDTH + 4}"
                  y="${group.start + BAR / 2}"
                  dominant-baseline="middle"
                  >—</text
                >`}`,
      )}
    </svg>
    <figcaption>
      <span class="chart-title">${title}</span>
      ${series.map(
        (item) =>
          html`<span class="chart-key"
            ><svg viewBox="0 0 10 10" aria-hidden="true">
              <rect class="bar-${item.kind}" width="10" height="10" /></svg
            >${item.name}</span
          >`,
      )}
    </figcaption>
  </figure>`;
}

/** Rates arrive as fractions, null when there is nothing to rate; null must not become 0% (null * 100 is 0). */
const asPercent = (rate) => (typeof rate === 'number' ? rate * 100 : null);

/**
 * 按时办结率 and 满意率 of each row (a town, a week, a month) as the services give them: `rows` [{ label, onTimeRate,
 * satisfactionRate }]. 监察's period report and 趋势 draw them alike, so the same rate reads the same on both.
 */
export function ratesChartHtml({ className, rows }) {
  return barChartHtml({
    title: '按时办结率与满意率',
    className,
    series: [
      { kind: 'rate', name: '按时办结率' },
      { kind: 'satisfaction', name: '满意率' },
    ],
    max: 100,
    unit: '%',
    format: (value) => `${value.toFixed(1)}%`,
    rows: rows.map((row) => ({
      label: row.label,
      bars: [
        [{ kind: 'rate', value: asPercent(row.onTimeRate) }],
        [{ kind: 'satisfaction', value: asPercent(row.satisfactionRate) }],
      ],
    })),
  });
}
