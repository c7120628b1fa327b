/**
 * The attributes of a box that scrolls sideways when its table is wider than the window (`.table-scroll`).
 * Keyboard users must be able to reach it to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable),
 * so it is a tab stop, and a tab stop needs a name: the heading it sits under, or a label.
 */
export function scrollRegion(name: { label: string } | { labelledBy: string }) {
  return {
    role: "region",
    tabIndex: 0,
    ...("label" in name ? { "aria-label": name.label } : { "aria-labelledby": name.labelledBy }),
  } as const;
}
