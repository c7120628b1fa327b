/**
 * The audit's evidence sample: a seeded, reproducible draw of dossiers per field from the tracking
 * book. QT-02 step 4 asks for at least ten dossiers per field with priority to late, supplemented,
 * apologised and transferred ones, so each field's population is split into a priority group and
 * the rest; up to half the sample comes from the priority group, the rest from the others, and
 * whichever group runs short is made up from the other.
 *
 * The draw depends only on the seed, the field and the population (ordered by dossier code), so
 * anyone with the recorded seed and the register can draw the same dossiers again.
 */
import { fnv1a, mulberry32 } from "~/domain/shared/seeded-random";

export interface SampleCandidate {
  id: number;
  code: string;
  priority: boolean;
}

export interface DrawnDossier {
  id: number;
  code: string;
  priority: boolean;
  /** 1-based within the field. */
  order: number;
}

export interface FieldDraw {
  field: string;
  population: number;
  priorityPopulation: number;
  drawn: DrawnDossier[];
}

/** Fisher–Yates with the given generator, on a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function drawField(seed: string, field: string, candidates: readonly SampleCandidate[], size: number): FieldDraw {
  const ordered = [...candidates].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const random = mulberry32(fnv1a(`${seed}|${field}`));
  const priority = shuffle(ordered.filter((c) => c.priority), random);
  const others = shuffle(ordered.filter((c) => !c.priority), random);
  const fromPriority = Math.min(priority.length, Math.ceil(size / 2));
  const picked = [
    ...priority.slice(0, fromPriority),
    ...others.slice(0, size - fromPriority),
  ];
  if (picked.length < size) picked.push(...priority.slice(fromPriority, fromPriority + size - picked.length));
  return {
    field,
    population: ordered.length,
    priorityPopulation: priority.length,
    drawn: picked.map((c, i) => ({ id: c.id, code: c.code, priority: c.priority, order: i + 1 })),
  };
}

export function drawSample(
  seed: string,
  populations: ReadonlyArray<{ field: string; candidates: readonly SampleCandidate[] }>,
  sizePerField: number,
): FieldDraw[] {
  return populations.map((p) => drawField(seed, p.field, p.candidates, sizePerField));
}

/** The method as printed in the report and kept with the audit. */
export interface SampleMethod {
  seed: string;
  sizePerField: number;
  from: string;
  to: string;
  fields: ReadonlyArray<{ field: string; population: number; priorityPopulation: number; drawn: number }>;
}

export function describeDraw(seed: string, sizePerField: number, period: { from: string; to: string }, draws: readonly FieldDraw[]): SampleMethod {
  return {
    seed,
    sizePerField,
    from: period.from,
    to: period.to,
    fields: draws.map((d) => ({ field: d.field, population: d.population, priorityPopulation: d.priorityPopulation, drawn: d.drawn.length })),
  };
}
