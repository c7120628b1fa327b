import { competenceStatus, type CompetenceStatus, type HeldRecord } from "~/domain/competence/competence";
import { reviewEffective, riskLevel, type RiskBand, type RiskKind, type RiskScale } from "~/domain/risks/risk";

/*
 * The inputs of ISO 9001 §9.3.2 that come from the risk register (§6.1), the competence records (§7.2)
 * and the improvement sources (§10.1), computed from the rows the models read. Pure: the window and
 * the day are passed in, so a review recorded on a day keeps the figures of that day.
 */

export interface RegisterRow {
  code: string;
  title: string;
  kind: RiskKind;
  state: "open" | "closed";
  likelihood: number;
  impact: number;
  recordedOn: string;
}

export interface RiskReviewRow {
  code: string;
  title: string;
  kind: RiskKind;
  reviewedOn: string;
  likelihoodBefore: number;
  impactBefore: number;
  likelihoodAfter: number;
  impactAfter: number;
}

export interface TreatmentRow {
  riskCode: string;
  kind: RiskKind;
  dueDate: string;
  doneOn: string | null;
}

export interface KindCounts {
  /** Open in the register on the day the inputs are read. */
  open: number;
  /** Of the open ones, at the high band or above. */
  high: number;
  /** Recorded within the window. */
  recorded: number;
  /** Reviews within the window, and of them those whose level moved the right way. */
  reviewed: number;
  effective: number;
  /** Treatments due within the window, done (on any day up to the day read), and overdue now. */
  treatmentsDue: number;
  treatmentsDone: number;
  treatmentsOverdue: number;
}

export interface RiskInputs {
  risks: KindCounts;
  opportunities: KindCounts;
  /** The highest open risks, level first (at most five). */
  top: Array<{ code: string; title: string; level: number; band: RiskBand }>;
  /** Each effectiveness review in the window: level before and after, and whether it worked. */
  reviews: Array<{
    code: string;
    title: string;
    kind: RiskKind;
    reviewedOn: string;
    levelBefore: number;
    levelAfter: number;
    bandAfter: RiskBand;
    effective: boolean;
  }>;
}

const HIGH_BANDS: readonly RiskBand[] = ["high", "critical"];
const TOP = 5;

function levelOf(scale: RiskScale, likelihood: number, impact: number): { level: number; band: RiskBand } {
  const r = riskLevel(scale, likelihood, impact);
  return r.ok ? { level: r.level, band: r.band } : { level: likelihood * impact, band: "critical" };
}

export interface RiskInputRows {
  scale: RiskScale;
  register: readonly RegisterRow[];
  reviews: readonly RiskReviewRow[];
  treatments: readonly TreatmentRow[];
  window: { from: string; to: string };
  today: string;
}

/** §9.3.2 e: risks and opportunities counted apart, and the effectiveness of what was done about them. */
export function riskReviewInputs({ scale, register, reviews, treatments, window, today }: RiskInputRows): RiskInputs {
  const inWindow = (date: string) => date >= window.from && date <= window.to;
  const scored = reviews
    .filter((r) => inWindow(r.reviewedOn))
    .map((r) => {
      const before = levelOf(scale, r.likelihoodBefore, r.impactBefore);
      const after = levelOf(scale, r.likelihoodAfter, r.impactAfter);
      return {
        code: r.code,
        title: r.title,
        kind: r.kind,
        reviewedOn: r.reviewedOn,
        levelBefore: before.level,
        levelAfter: after.level,
        bandAfter: after.band,
        effective: reviewEffective(r.kind, before.level, after.level),
      };
    })
    .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn) || a.code.localeCompare(b.code));
  const counts = (kind: RiskKind): KindCounts => {
    const open = register.filter((r) => r.kind === kind && r.state === "open");
    const due = treatments.filter((t) => t.kind === kind && inWindow(t.dueDate));
    const kindReviews = scored.filter((r) => r.kind === kind);
    return {
      open: open.length,
      high: open.filter((r) => HIGH_BANDS.includes(levelOf(scale, r.likelihood, r.impact).band)).length,
      recorded: register.filter((r) => r.kind === kind && inWindow(r.recordedOn)).length,
      reviewed: kindReviews.length,
      effective: kindReviews.filter((r) => r.effective).length,
      treatmentsDue: due.length,
      treatmentsDone: due.filter((t) => t.doneOn !== null && t.doneOn <= today).length,
      treatmentsOverdue: due.filter((t) => (t.doneOn === null || t.doneOn > today) && t.dueDate < today).length,
    };
  };
  const top = register
    .filter((r) => r.kind === "risk" && r.state === "open")
    .map((r) => ({ code: r.code, title: r.title, ...levelOf(scale, r.likelihood, r.impact) }))
    .sort((a, b) => b.level - a.level || a.code.localeCompare(b.code))
    .slice(0, TOP);
  return { risks: counts("risk"), opportunities: counts("opportunity"), top, reviews: scored };
}

export interface CompetenceRow {
  id: number;
  code: string;
  title: string;
}

export interface PersonRow {
  userId: number;
  name: string;
  /** The competences the person's roles, fields and processes require. */
  requiredIds: readonly number[];
  held: readonly HeldRecord[];
}

export interface TrainingRow {
  userId: number;
  course: string;
  provider: string;
  endDate: string;
  hours: number | null;
}

export interface CompetenceInputs {
  /** People × required competences on the day read: missing ones and those about to lapse. */
  required: number;
  gaps: Array<{ name: string; code: string; title: string; status: Exclude<CompetenceStatus, "held"> }>;
  missing: number;
  lapsing: number;
  /** Training completed in the window. */
  trainings: number;
  hours: number;
  peopleTrained: number;
  /** External providers of the training in the window (§8.4), by provider. */
  providers: Array<{ provider: string; trainings: number; hours: number }>;
}

export interface CompetenceInputRows {
  competences: readonly CompetenceRow[];
  people: readonly PersonRow[];
  trainings: readonly TrainingRow[];
  window: { from: string; to: string };
  today: string;
}

/** §9.3.2 (resources, §7.2): competence gaps and lapsing on the day read, training done in the window. */
export function competenceReviewInputs({ competences, people, trainings, window, today }: CompetenceInputRows): CompetenceInputs {
  const gaps: CompetenceInputs["gaps"] = [];
  let required = 0;
  for (const person of [...people].sort((a, b) => a.name.localeCompare(b.name, "vi"))) {
    for (const c of competences) {
      if (!person.requiredIds.includes(c.id)) continue;
      required += 1;
      const status = competenceStatus(person.held, c.id, today);
      if (status !== "held") gaps.push({ name: person.name, code: c.code, title: c.title, status });
    }
  }
  const done = trainings.filter((t) => t.endDate >= window.from && t.endDate <= window.to && t.endDate <= today);
  const byProvider = new Map<string, { provider: string; trainings: number; hours: number }>();
  for (const t of done) {
    const p = byProvider.get(t.provider) ?? { provider: t.provider, trainings: 0, hours: 0 };
    p.trainings += 1;
    p.hours += t.hours ?? 0;
    byProvider.set(t.provider, p);
  }
  return {
    required,
    gaps,
    missing: gaps.filter((g) => g.status === "missing").length,
    lapsing: gaps.filter((g) => g.status === "lapsing").length,
    trainings: done.length,
    hours: done.reduce((sum, t) => sum + (t.hours ?? 0), 0),
    peopleTrained: new Set(done.map((t) => t.userId)).size,
    providers: [...byProvider.values()].sort((a, b) => b.hours - a.hours || a.provider.localeCompare(b.provider, "vi")),
  };
}

export interface ImprovementInputs {
  /** Opportunities open in the register, level first. */
  opportunities: Array<{ code: string; title: string; level: number }>;
  /** "Improvement" answers of the internal audits in the period. */
  auditImprovements: number;
  /** Citizens' recommendations received in the period. */
  recommendations: number;
}

/** §9.3.2 f: opportunities for improvement, from the register, the audits and the citizens. */
export function improvementInputs(
  scale: RiskScale,
  register: readonly RegisterRow[],
  auditImprovements: number,
  recommendations: number,
): ImprovementInputs {
  const opportunities = register
    .filter((r) => r.kind === "opportunity" && r.state === "open")
    .map((r) => ({ code: r.code, title: r.title, level: levelOf(scale, r.likelihood, r.impact).level }))
    .sort((a, b) => b.level - a.level || a.code.localeCompare(b.code));
  return { opportunities, auditImprovements, recommendations };
}
