import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Window sizes the desk and citizens actually use. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  officeLaptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

/**
 * Fails when the page is wider than its window (a horizontal scrollbar on the whole page),
 * naming the widest elements so the failure says what overflows. Elements inside a
 * deliberately scrollable container (`overflow-x: auto|scroll`) are allowed to be wider.
 */
export async function expectFitsWindow(page: Page) {
  const report = await page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const pageWidth = document.documentElement.scrollWidth;
    const insideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === "auto" || overflowX === "scroll") return true;
      }
      return false;
    };
    const offenders = [...document.body.querySelectorAll("*")]
      .filter((element) => element.getBoundingClientRect().right > viewport + 1 && !insideScroller(element))
      .slice(0, 5)
      .map((element) => {
        const tag = element.tagName.toLowerCase();
        const cls = typeof element.className === "string" && element.className ? `.${element.className.split(" ").join(".")}` : "";
        return `${tag}${cls} right=${Math.round(element.getBoundingClientRect().right)}`;
      });
    return { viewport, pageWidth, offenders };
  });
  expect(report.pageWidth <= report.viewport ? [] : report.offenders, `page ${report.pageWidth}px in a ${report.viewport}px window`).toEqual([]);
}

/** Fails when the element is not fully inside the window without scrolling the page sideways. */
export async function expectInsideWindowWidth(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(box, `${selector} is rendered`).not.toBeNull();
  expect(box!.x + box!.width, `${selector} right edge`).toBeLessThanOrEqual(width + 1);
}
