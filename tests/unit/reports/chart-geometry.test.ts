import { describe, expect, it } from "vitest";

import {
  bandLayout,
  chartDomain,
  linearScale,
  niceNumber,
  niceScale,
  stackSegments,
  stepDecimals,
  valueExtent,
} from "#reports/chart-geometry";

describe("niceScale", () => {
  it.each([
    [0, 100, 5, [0, 20, 40, 60, 80, 100]],
    [0, 87, 5, [0, 20, 40, 60, 80, 100]],
    [0, 43.2, 5, [0, 10, 20, 30, 40, 50]],
    [0, 4492, 5, [0, 1000, 2000, 3000, 4000, 5000]],
    [0, 102.6, 5, [0, 25, 50, 75, 100, 125]],
    [0, 7, 5, [0, 2, 4, 6, 8]],
    [0, 3, 5, [0, 1, 2, 3]],
    [0, 0.37, 5, [0, 0.1, 0.2, 0.3, 0.4]],
    [-12, 40, 5, [-20, 0, 20, 40]],
    [0, 1, 4, [0, 0.25, 0.5, 0.75, 1]],
  ])("covers [%d, %d] in at most %d steps", (min, max, maxTicks, ticks) => {
    const scale = niceScale(min, max, maxTicks);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.min).toBeLessThanOrEqual(min);
    expect(scale.max).toBeGreaterThanOrEqual(max);
    expect(scale.ticks.length - 1).toBeLessThanOrEqual(maxTicks);
  });

  it("gives an empty or flat range a usable axis from zero", () => {
    expect(niceScale(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale(5, 5).ticks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceScale(-3, -3).max).toBe(0);
  });

  it("accepts its bounds in either order and rejects infinities", () => {
    expect(niceScale(100, 0)).toEqual(niceScale(0, 100));
    expect(() => niceScale(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("niceNumber", () => {
  it.each([
    [87, false, 100],
    [87, true, 100],
    [23, true, 20],
    [0.37, false, 0.5],
    [3.1, true, 5],
  ])("niceNumber(%d, %s) is %d", (value, round, expected) => {
    expect(niceNumber(value, round)).toBeCloseTo(expected, 10);
  });
});

describe("stepDecimals", () => {
  it.each([
    [20, 0],
    [2.5, 1],
    [0.25, 2],
    [0.1, 1],
    [1000, 0],
  ])("a step of %d needs %d decimals", (step, decimals) => {
    expect(stepDecimals(step)).toBe(decimals);
  });
});

describe("linearScale", () => {
  it("maps the domain onto the range, inverted for a y axis", () => {
    const y = linearScale([0, 100], [300, 100]);
    expect(y(0)).toBe(300);
    expect(y(100)).toBe(100);
    expect(y(80)).toBe(140);
  });

  it("puts everything at the range start when the domain is empty", () => {
    expect(linearScale([5, 5], [0, 10])(7)).toBe(0);
  });
});

describe("bandLayout", () => {
  it("splits the length into equal, padded bands", () => {
    const bands = bandLayout(4, 100, 400, 0.2);
    expect(bands).toHaveLength(4);
    expect(bands.map((band) => band.center)).toEqual([150, 250, 350, 450]);
    expect(bands[0]?.width).toBeCloseTo(80);
    expect(bands[0]?.start).toBeCloseTo(110);
  });

  it("has no band for no category", () => {
    expect(bandLayout(0, 0, 100)).toEqual([]);
  });
});

describe("stackSegments", () => {
  it("stacks positives upward and negatives downward, skipping gaps", () => {
    const stacks = stackSegments(
      [
        [36, 35, null],
        [4, 5, 2],
        [-3, 0, 1],
      ],
      3,
    );
    expect(stacks[0]).toEqual([
      { series: 0, from: 0, to: 36 },
      { series: 1, from: 36, to: 40 },
      { series: 2, from: 0, to: -3 },
    ]);
    expect(stacks[1]).toEqual([
      { series: 0, from: 0, to: 35 },
      { series: 1, from: 35, to: 40 },
    ]);
    expect(stacks[2]).toEqual([
      { series: 1, from: 0, to: 2 },
      { series: 2, from: 2, to: 3 },
    ]);
  });
});

describe("valueExtent and chartDomain", () => {
  it("always includes zero and the extras", () => {
    expect(valueExtent([12, null, 30])).toEqual([0, 30]);
    expect(valueExtent([-5, 10], [80])).toEqual([-5, 80]);
  });

  it("reaches the target and yMax", () => {
    expect(chartDomain([40, 60], { target: 80 })).toEqual([0, 80]);
    expect(chartDomain([40, 60], { yMax: 100 })).toEqual([0, 100]);
  });

  it("adds headroom for value labels unless the data already sits under yMax", () => {
    expect(chartDomain([40], { headroom: 0.1 })[1]).toBeCloseTo(44);
    expect(chartDomain([95], { headroom: 0.1, yMax: 100 })).toEqual([0, 100]);
  });
});
