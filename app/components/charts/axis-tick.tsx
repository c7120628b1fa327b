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
}) {
  const { x = 0, y = 0, payload, orientation, format } = props;
  const value = payload?.value ?? "";
  const text = format ? format(value) : String(value);
  const vertical = orientation === "left" || orientation === "right";
  return (
    <text
      x={x}
      y={y}
      dy={vertical ? 4 : 14}
      dx={vertical ? -4 : 0}
      textAnchor={vertical ? "end" : "middle"}
      className="chart-tick"
      fontSize={12}
      fill="#5f5b66"
    >
      {text}
    </text>
  );
}
