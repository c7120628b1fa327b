import { useLayoutEffect, useRef, useState, type RefObject } from "react";

// useLayoutEffect warns on the server; the server keeps the fallback width anyway.
const useIsomorphicLayoutEffect = typeof document === "undefined" ? () => undefined : useLayoutEffect;

/**
 * The width of an element, followed as it changes. The server and the first client render use
 * `fallback` (the HTML and the hydrated chart agree); the browser then draws at the measured width,
 * so the chart fits its card and the pointer positions of bars and tooltips stay exact.
 */
export function useContainerWidth<T extends HTMLElement>(fallback: number): [RefObject<T>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useIsomorphicLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = Math.floor(element.clientWidth);
      if (next > 0) setWidth(next);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
