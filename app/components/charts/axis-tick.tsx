/**
 * An axis label drawn as plain SVG text. Recharts' own tick measures text in the browser (to wrap or
 * thin out labels) but not on the server, which would make the hydrated chart differ from the HTML.
 */
export function AxisTick(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string | number };
  textAnchor?: string;
  orientation?: string;
  format?: (value: string | number) => string;
  /** Turn the label 45° (a narrow chart's month labels). */
  rotate?: boolean;
  /** Wrap the label into lines of at most this many characters (long category names). */
  maxChars?: number;
}) {
  const { x = 0, y = 0, payload, orientation, format, rotate = false, maxChars } = props;
  const value = payload?.value ?? "";
  const text = format ? format(value) : String(value);
  const vertical = orientation === "left" || orientation === "right";
  const lines = maxChars ? wrapWords(text, maxChars) : [text];
  const common = { className: "chart-tick", fontSize: 12, fill: "#5f5b66" };
  if (rotate) {
    return (
      <text x={x} y={y} dy={12} textAnchor="end" transform={`rotate(-45 ${x} ${y})`} {...common}>
        {text}
      </text>
    );
  }
  return (
    <text x={x} y={y} dy={vertical ? 4 - (lines.length - 1) * 7 : 14} dx={vertical ? -4 : 0} textAnchor={vertical ? "end" : "middle"} {...common}>
      {lines.length === 1
        ? text
        : lines.map((line, i) => (
            <tspan key={i} x={x} dx={vertical ? -4 : 0} dy={i === 0 ? 0 : 14}>
              {line}
            </tspan>
          ))}
    </text>
  );
}

/** Words into lines of at most `max` characters (a longer word keeps its own line). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [text];
}
