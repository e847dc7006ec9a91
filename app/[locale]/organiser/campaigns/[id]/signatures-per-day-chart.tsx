import { direction, type Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import { barChart, textAnchor } from "@/lib/moderation/chart";

type Props = {
  perDay: { day: string; label: string; count: number }[];
  locale: Locale;
  // Says what the chart shows, for screen readers; the table after it holds every figure.
  label: string;
};

// A bar chart drawn on the server as plain SVG: no client script, scales to the width of a phone,
// and mirrored in Arabic (the oldest day on the right, the value axis on the right).
export function SignaturesPerDayChart({ perDay, locale, label }: Props) {
  const dir = direction(locale);
  const chart = barChart({
    values: perDay.map((day) => day.count),
    labels: perDay.map((day) => day.label),
    // About the width of a phone's screen, so labels show near their true size there.
    width: 360,
    height: 210,
    fontSize: 14,
    direction: dir,
    formatValue: (value) => formatNumber(value, locale),
  });
  return (
    <svg className="day-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} role="img" aria-label={label} direction={dir} fontSize={chart.fontSize}>
      <g className="day-chart-grid">
        {chart.gridlines.map((line) => (
          <line key={line.value} x1={line.x1} x2={line.x2} y1={line.y} y2={line.y} />
        ))}
      </g>
      <g className="day-chart-axis">
        {chart.gridlines.map((line) => (
          <text key={line.value} x={line.label.x} y={line.label.y} textAnchor={textAnchor(line.label.align, dir)}>
            {line.label.text}
          </text>
        ))}
        {chart.categoryLabels.map((category) => (
          <text key={category.x} x={category.x} y={category.y} textAnchor={textAnchor(category.align, dir)}>
            {category.text}
          </text>
        ))}
      </g>
      <g className="day-chart-bars">
        {chart.bars.map((bar, index) => (
          <rect key={perDay[index]!.day} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
            <title>{`${bar.label}: ${formatNumber(bar.value, locale)}`}</title>
          </rect>
        ))}
      </g>
    </svg>
  );
}
