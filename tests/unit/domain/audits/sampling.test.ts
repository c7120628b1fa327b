import { describe, expect, it } from "vitest";
import { describeDraw, drawField, drawSample, shuffle, type SampleCandidate } from "~/domain/audits/sampling";
import { fnv1a, mulberry32 } from "~/domain/shared/seeded-random";

const candidates = (n: number, priorityEvery = 0): SampleCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, code: `H53-2026-${String(i + 1).padStart(4, "0")}`, priority: priorityEvery > 0 && i % priorityEvery === 0 }));

describe("the generator", () => {
  it("FNV-1a matches the published test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
  it("mulberry32 is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
  it("shuffle is a permutation and leaves its input alone", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(input, mulberry32(7));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("drawField", () => {
  it("draws the same dossiers again from the same seed, whatever the order they are read in", () => {
    const population = candidates(200, 7);
    const first = drawField("a1b2c3d4e5f60718", "land_construction", population, 10);
    const again = drawField("a1b2c3d4e5f60718", "land_construction", [...population].reverse(), 10);
    expect(again).toEqual(first);
    expect(first.drawn).toHaveLength(10);
    expect(new Set(first.drawn.map((d) => d.id)).size).toBe(10);
    expect(first.drawn.map((d) => d.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("a different seed or field gives another sample", () => {
    const population = candidates(200);
    const codes = (seed: string, field: string) => drawField(seed, field, population, 10).drawn.map((d) => d.code);
    expect(codes("seed-one", "land_construction")).not.toEqual(codes("seed-two", "land_construction"));
    expect(codes("seed-one", "land_construction")).not.toEqual(codes("seed-one", "social_affairs"));
  });

  it("takes up to half from the priority group (late, supplemented, apologised, transferred)", () => {
    const draw = drawField("s", "f", candidates(100, 10), 10);
    expect(draw.priorityPopulation).toBe(10);
    expect(draw.drawn.filter((d) => d.priority)).toHaveLength(5);
    expect(draw.drawn.slice(0, 5).every((d) => d.priority)).toBe(true);
  });

  it("makes up a short group from the other one", () => {
    const fewPriority = drawField("s", "f", candidates(30, 15), 10);
    expect(fewPriority.drawn.filter((d) => d.priority)).toHaveLength(2);
    expect(fewPriority.drawn).toHaveLength(10);
    const allPriority = drawField("s", "f", candidates(12, 1), 10);
    expect(allPriority.drawn).toHaveLength(10);
    expect(allPriority.drawn.every((d) => d.priority)).toBe(true);
  });

  it("takes the whole population when it is smaller than the sample, and nothing from nothing", () => {
    expect(drawField("s", "f", candidates(4, 2), 10).drawn).toHaveLength(4);
    expect(drawField("s", "f", [], 10)).toEqual({ field: "f", population: 0, priorityPopulation: 0, drawn: [] });
  });
});

describe("drawSample and describeDraw", () => {
  it("draws per field and records the method", () => {
    const draws = drawSample("seed", [
      { field: "land_construction", candidates: candidates(50, 5) },
      { field: "social_affairs", candidates: candidates(3) },
    ], 8);
    expect(draws.map((d) => d.drawn.length)).toEqual([8, 3]);
    expect(describeDraw("seed", 8, { from: "2026-01-01", to: "2026-08-31" }, draws)).toEqual({
      seed: "seed",
      sizePerField: 8,
      from: "2026-01-01",
      to: "2026-08-31",
      fields: [
        { field: "land_construction", population: 50, priorityPopulation: 10, drawn: 8 },
        { field: "social_affairs", population: 3, priorityPopulation: 0, drawn: 3 },
      ],
    });
  });
});
