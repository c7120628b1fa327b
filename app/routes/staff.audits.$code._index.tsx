import { parseWithZod } from "@conform-to/zod/v4";
import { may } from "~/domain/accounts/permissions";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DoneNotice } from "~/components/done-notice";
import { ErrorPage } from "~/components/error-page";
import { FormErrors } from "~/components/form";
import { hasAnyRole } from "~/domain/accounts/roles";
import { AUDIT_CODE_PATTERN, CHECKLIST_ANSWERS, CRITERIA_MET, SAMPLE_RESULTS, type AuditAction, type AuditState } from "~/domain/audits/audit";
import { AuditStepSchema } from "~/domain/audits/schema";
import { readsMasked } from "~/domain/shared/personal-data";
import type { MessageKey } from "~/i18n";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { applyAuditStep, auditPermissions, auditTextMask, getAudit, maskAuditDetail, type AuditActorUser } from "~/models/audits.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { publicOrigin } from "~/utils/env.server";
import { scrollRegion } from "~/components/scroll-region";

async function load(user: SessionUser, codeParam: string | undefined) {
  const detail = codeParam && AUDIT_CODE_PATTERN.test(codeParam) ? await getAudit(getDb(), user.unitId, codeParam) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
}

const STATE_BADGE: Record<AuditState, string> = {
  planned: "badge--muted",
  in_progress: "badge--warn",
  report_drafted: "badge--warn",
  approved: "badge--ok",
};

const actorOf = (user: SessionUser): AuditActorUser => ({
  userId: user.id,
  name: user.displayName,
  roles: user.roles,
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/audits"));
  const unmasked = await load(user, params.code);
  const masked = readsMasked(user.roles);
  const detail = masked ? maskAuditDetail(unmasked, await auditTextMask(getDb(), unmasked)) : unmasked;
  const permissions = masked ? { allowed: [] as AuditAction[], canRecord: false } : auditPermissions(detail, actorOf(user));
  return {
    ...detail,
    ...permissions,
    canOpenDossiers: hasAnyRole(user.roles, rolesFor("/staff/dossiers")),
    canEditPlan: !masked && may(user.roles, "planAudits") && detail.audit.state === "planned" && detail.audit.sampleSeed === null,
    canPreview: !masked && (detail.audit.state === "in_progress" || detail.audit.state === "report_drafted"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/audits"));
  if (readsMasked(user.roles)) throw new Response("Forbidden", { status: 403 });
  const detail = await load(user, params.code);
  const formData = await request.formData();
  const target = targetOf(formData);
  const submission = parseWithZod(formData, { schema: AuditStepSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flatMap((list) => list ?? []);
    return data({ target, errors }, { status: 400 });
  }
  const origin = publicOrigin(request);
  const result = await applyAuditStep(getDb(), actorOf(user), user.unitId, detail.audit.code, submission.value, { origin });
  if (!result.ok) return data({ target, errors: [result.error] }, { status: 409 });
  const anchor = target === "page" ? "" : `#${target}`;
  return redirect(`/staff/audits/${detail.audit.code}?done=${submission.value.intent}${anchor}`);
}

/** Where an error belongs on the page: the question or dossier row the form came from. */
function targetOf(formData: FormData): string {
  const questionId = formData.get("questionId");
  const sampleId = formData.get("sampleId");
  const intent = formData.get("intent");
  if (typeof questionId === "string" && /^\d+$/.test(questionId)) return `question-${questionId}`;
  if (typeof sampleId === "string" && /^\d+$/.test(sampleId)) return `sample-${sampleId}`;
  if (intent === "save_conclusions") return "conclusions";
  return "page";
}

function ErrorsFor({ target, id }: { target: string; id: string }) {
  const result = useActionData<typeof action>();
  if (!result || result.target !== target) return null;
  return <FormErrors id={`${id}-errors`} errors={result.errors.map((e) => (isMessageKey(e) ? e : "error.invalid"))} />;
}

export default function AuditPage() {
  const { audit, team, questions, sample, nonconformities, allowed, canRecord, canOpenDossiers, canPreview, canEditPlan } =
    useLoaderData<typeof loader>();
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const fieldLabel = (f: string) => t(`procedureField.${f}` as MessageKey);
  const templates = [...new Map(questions.map((q) => [q.templateCode, q.templateTitle])).entries()];
  const stepForm = (intent: AuditAction, children?: React.ReactNode, secondary = false) => (
    <Form method="post" className="action-form" key={intent}>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {t(`audits.action.${intent}` as MessageKey)}
      </button>
    </Form>
  );
  return (
    <main id="main" className="page">
      <p>
        <Link to={`/staff/audits?year=${audit.year}`}>← {t("audits.programme.title", { year: String(audit.year) })}</Link>
      </p>
      <h1>
        {audit.code}: {audit.title}
      </h1>
      <DoneNotice area="audit" />
      <ErrorsFor target="page" id="audit" />
      {audit.returnedComment && audit.state === "in_progress" ? (
        <p className="notice notice--warning">{t("audits.returned", { comment: audit.returnedComment })}</p>
      ) : null}
      <div className={allowed.length > 0 ? "dossier-layout" : undefined}>
        <section aria-labelledby="audit-plan">
          <h2 id="audit-plan" className="visually-hidden">
            {t("audits.plan.heading")}
          </h2>
          <dl className="facts">
            <dt>{t("audits.col.state")}</dt>
            <dd>
              <span className={`badge ${STATE_BADGE[audit.state]}`}>{t(`audits.state.${audit.state}`)}</span>
            </dd>
            <dt>{t("audits.field.objectives")}</dt>
            <dd className="preserve-lines">{audit.objectives}</dd>
            <dt>{t("audits.field.processes")}</dt>
            <dd>{audit.processes.join(", ") || "—"}</dd>
            <dt>{t("audits.field.fields")}</dt>
            <dd>{audit.fields.map(fieldLabel).join(", ") || "—"}</dd>
            <dt>{t("audits.field.isoClauses")}</dt>
            <dd>{audit.isoClauses.join(", ")}</dd>
            <dt>{t("audits.field.criteria")}</dt>
            <dd className="preserve-lines">{audit.criteria}</dd>
            <dt>{t("audits.col.dates")}</dt>
            <dd>
              {formatDate(audit.startDate)}
              {audit.endDate !== audit.startDate ? ` – ${formatDate(audit.endDate)}` : ""} · {audit.location}
            </dd>
            <dt>{t("audits.col.team")}</dt>
            <dd>
              <ul className="plain-list">
                {team.map((m) => (
                  <li key={m.userId}>
                    {m.name} ({t(`audits.teamRole.${m.role}`)})
                  </li>
                ))}
              </ul>
            </dd>
            {audit.draftedAt ? (
              <>
                <dt>{t("audits.drafted")}</dt>
                <dd>
                  {audit.draftedBy} · {formatDateTime(audit.draftedAt)}
                </dd>
              </>
            ) : null}
            {audit.approvedAt ? (
              <>
                <dt>{t("audits.approved")}</dt>
                <dd>
                  {audit.approvedBy} · {formatDateTime(audit.approvedAt)}
                  {audit.approvalComment ? ` — ${audit.approvalComment}` : ""}
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            {audit.state === "approved" ? (
              <a href={`/staff/audits/${audit.code}/report.pdf`} className="button">
                {t("audits.report.download")}
              </a>
            ) : canPreview ? (
              <a href={`/staff/audits/${audit.code}/report.pdf`}>{t("audits.report.preview")}</a>
            ) : canEditPlan ? (
              <Link to={`/staff/audits/${audit.code}/edit`} className="button button--secondary">
                {t("audits.edit.link")}
              </Link>
            ) : null}
          </p>
        </section>
        {allowed.length === 0 ? null : (
          <section className="dossier-actions" aria-labelledby="audit-steps">
            <h2 id="audit-steps">{t("dossier.actions")}</h2>
            {allowed.includes("draw_sample")
              ? stepForm("draw_sample", <p className="field-hint">{t("audits.sample.drawHint", { size: audit.sampleSize })}</p>)
              : null}
            {allowed.includes("start") ? stepForm("start") : null}
            {allowed.includes("draft_report") ? stepForm("draft_report") : null}
            {allowed.includes("approve")
              ? stepForm(
                  "approve",
                  <div className="field">
                    <label htmlFor="approve-comment">{t("audits.field.approvalComment")}</label>
                    <textarea id="approve-comment" name="comment" rows={2} />
                  </div>
                )
              : null}
            {allowed.includes("return_draft")
              ? stepForm(
                  "return_draft",
                  <div className="field">
                    <label htmlFor="return-comment">{t("audits.field.returnComment")}</label>
                    <textarea id="return-comment" name="comment" rows={2} required />
                  </div>,
                  true
                )
              : null}
          </section>
        )}
      </div>

      <section aria-labelledby="audit-sample" className="section">
        <h2 id="audit-sample">{t("audits.sample.title")}</h2>
        {audit.fields.length === 0 ? (
          <p>{t("audits.sample.noFields")}</p>
        ) : !audit.sampleMethod ? (
          <p>
            {t("audits.sample.notDrawn", {
              from: formatDate(audit.sampleFrom),
              to: formatDate(audit.sampleTo),
              size: audit.sampleSize,
            })}
          </p>
        ) : (
          <>
            <p>
              {t("audits.sample.method", {
                seed: audit.sampleMethod.seed,
                from: formatDate(audit.sampleMethod.from),
                to: formatDate(audit.sampleMethod.to),
                size: audit.sampleMethod.sizePerField,
                by: audit.sampleDrawnBy ?? "—",
                at: audit.sampleDrawnAt ? formatDateTime(audit.sampleDrawnAt) : "—",
              })}
            </p>
            <ul>
              {audit.sampleMethod.fields.map((f) => (
                <li key={f.field}>
                  {t("audits.sample.fieldLine", {
                    field: fieldLabel(f.field),
                    population: formatNumber(f.population),
                    priority: formatNumber(f.priorityPopulation),
                    drawn: formatNumber(f.drawn),
                  })}
                </li>
              ))}
            </ul>
            <div className="table-scroll" {...scrollRegion({ labelledBy: "audit-sample" })}>
              <table>
                <caption className="visually-hidden">{t("audits.sample.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("audits.sample.col.code")}</th>
                    <th scope="col">{t("audits.sample.col.procedure")}</th>
                    <th scope="col">{t("audits.sample.col.dates")}</th>
                    <th scope="col">{t("audits.sample.col.outcome")}</th>
                    <th scope="col">{t("audits.sample.col.slips")}</th>
                    <th scope="col">{t("audits.sample.col.result")}</th>
                  </tr>
                </thead>
                {audit.fields.map((field) => (
                  <tbody key={field}>
                    <tr>
                      <th scope="rowgroup" colSpan={7}>
                        {fieldLabel(field)}
                      </th>
                    </tr>
                    {sample
                      .filter((s) => s.field === field)
                      .map((s) => (
                        <tr key={s.id} id={`sample-${s.id}`}>
                          <td>
                            {s.order}
                            {s.isPriority ? <abbr title={t("audits.sample.priority")}>*</abbr> : null}
                          </td>
                          <td className="nowrap">{canOpenDossiers ? <Link to={`/staff/dossiers/${s.code}`}>{s.code}</Link> : s.code}</td>
                          <td>
                            {s.procedureCode} – {s.procedureName}
                          </td>
                          <td className="nowrap">
                            {formatDate(s.receivedDate)}
                            <br />
                            {formatDate(s.dueDate)}
                            <br />
                            {s.finishedDate ? formatDate(s.finishedDate) : "—"}
                          </td>
                          <td>{s.outcome ? t(`outcome.${s.outcome}`) : t(`dossier.state.${s.dossierState}`)}</td>
                          <td>
                            {[
                              s.supplementCount > 0
                                ? t("audits.sample.supplements", {
                                    count: s.supplementCount,
                                  })
                                : null,
                              s.apologyIssuedAt ? t("audits.sample.apology") : null,
                              s.transferCount > 0
                                ? t("audits.sample.transfers", {
                                    count: s.transferCount,
                                  })
                                : null,
                            ]
                              .filter(Boolean)
                              .join(", ") || "—"}
                          </td>
                          <td className="sample-result">
                            {s.result ? (
                              <p>
                                <strong>{t(`audits.answer.${s.result}`)}</strong>
                                {s.note ? ` — ${s.note}` : ""}
                                {s.ncCode ? (
                                  <>
                                    {" "}
                                    (<Link to={`/staff/nonconformities/${s.ncCode}`}>{s.ncCode}</Link>)
                                  </>
                                ) : null}
                              </p>
                            ) : null}
                            {canRecord && !s.ncCode ? (
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="intent" value="check_sample" />
                                <input type="hidden" name="sampleId" value={s.id} />
                                <ErrorsFor target={`sample-${s.id}`} id={`sample-${s.id}`} />
                                <label className="visually-hidden" htmlFor={`result-${s.id}`}>
                                  {t("audits.sample.col.result")} {s.code}
                                </label>
                                <select id={`result-${s.id}`} name="result" defaultValue={s.result ?? ""} required>
                                  <option value="" disabled>
                                    —
                                  </option>
                                  {SAMPLE_RESULTS.map((r) => (
                                    <option key={r} value={r}>
                                      {t(`audits.answer.${r}`)}
                                    </option>
                                  ))}
                                </select>
                                <label className="visually-hidden" htmlFor={`note-${s.id}`}>
                                  {t("audits.field.evidence")} {s.code}
                                </label>
                                <input id={`note-${s.id}`} name="note" type="text" defaultValue={s.note ?? ""} placeholder={t("audits.field.evidence")} />
                                <button type="submit" className="button button--secondary">
                                  {t("audits.save")}
                                </button>
                              </Form>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                ))}
              </table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="audit-checklist" className="section">
        <h2 id="audit-checklist">{t("audits.checklist.title")}</h2>
        {templates.map(([templateCode, templateTitle]) => (
          <div key={templateCode} className="checklist">
            <h3>
              {templateCode} – {templateTitle}
            </h3>
            <ol className="checklist__questions">
              {questions
                .filter((q) => q.templateCode === templateCode)
                .map((q) => (
                  <li key={q.id} id={`question-${q.id}`} className="checklist__question">
                    <p>
                      <span className="badge">{q.isoClause}</span> {q.question}
                    </p>
                    {q.guidance ? <p className="field-hint">{q.guidance}</p> : null}
                    {q.answer ? (
                      <p>
                        <strong>{t(`audits.answer.${q.answer}`)}</strong>
                        {q.evidence ? ` — ${q.evidence}` : ""}
                        {q.ncCode ? (
                          <>
                            {" "}
                            (<Link to={`/staff/nonconformities/${q.ncCode}`}>{q.ncCode}</Link>)
                          </>
                        ) : null}
                        {q.answeredBy ? <span className="muted"> · {q.answeredBy}</span> : null}
                      </p>
                    ) : null}
                    {canRecord && !q.ncCode ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="answer" />
                        <input type="hidden" name="questionId" value={q.id} />
                        <ErrorsFor target={`question-${q.id}`} id={`question-${q.id}`} />
                        <label className="visually-hidden" htmlFor={`answer-${q.id}`}>
                          {t("audits.field.answer")} {q.position}
                        </label>
                        <select id={`answer-${q.id}`} name="answer" defaultValue={q.answer ?? ""} required>
                          <option value="" disabled>
                            —
                          </option>
                          {CHECKLIST_ANSWERS.map((a) => (
                            <option key={a} value={a}>
                              {t(`audits.answer.${a}`)}
                            </option>
                          ))}
                        </select>
                        <label className="visually-hidden" htmlFor={`evidence-${q.id}`}>
                          {t("audits.field.evidence")} {q.position}
                        </label>
                        <textarea id={`evidence-${q.id}`} name="evidence" rows={1} defaultValue={q.evidence ?? ""} placeholder={t("audits.field.evidence")} />
                        <label className="visually-hidden" htmlFor={`grade-${q.id}`}>
                          {t("audits.field.grade")} {q.position}
                        </label>
                        <select id={`grade-${q.id}`} name="grade" defaultValue="minor" title={t("audits.field.grade")}>
                          <option value="minor">{t("nc.grade.minor")}</option>
                          <option value="major">{t("nc.grade.major")}</option>
                        </select>
                        <button type="submit" className="button button--secondary">
                          {t("audits.save")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
            </ol>
          </div>
        ))}
      </section>

      <section aria-labelledby="audit-nc" className="section">
        <h2 id="audit-nc">{t("audits.nonconformities")}</h2>
        {nonconformities.length === 0 ? (
          <p>{t("audits.nonconformities.none")}</p>
        ) : (
          <ul>
            {nonconformities.map((nc) => (
              <li key={nc.code}>
                <Link to={`/staff/nonconformities/${nc.code}`}>{nc.code}</Link>: {nc.title} — {t(`nc.grade.${nc.grade}`)}, {t(`nc.state.${nc.state}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="audit-conclusions" className="section" id="conclusions">
        <h2 id="audit-conclusions">{t("audits.conclusions.title")}</h2>
        {canRecord ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="save_conclusions" />
            <ErrorsFor target="conclusions" id="conclusions" />
            <div className="field">
              <label htmlFor="conclusions-text">{t("audits.field.conclusions")}</label>
              <textarea id="conclusions-text" name="conclusions" rows={5} defaultValue={audit.conclusions ?? ""} required />
            </div>
            <div className="field">
              <label htmlFor="criteria-met">{t("audits.field.criteriaMet")}</label>
              <select id="criteria-met" name="criteriaMet" defaultValue={audit.criteriaMet ?? ""} required>
                <option value="" disabled>
                  —
                </option>
                {CRITERIA_MET.map((c) => (
                  <option key={c} value={c}>
                    {t(`audits.criteriaMet.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diverging">{t("audits.field.divergingOpinions")}</label>
              <textarea id="diverging" name="divergingOpinions" rows={2} defaultValue={audit.divergingOpinions ?? ""} />
            </div>
            <button type="submit" className="button button--secondary">
              {t("audits.saveConclusions")}
            </button>
          </Form>
        ) : (
          <dl className="facts">
            <dt>{t("audits.field.criteriaMet")}</dt>
            <dd>{audit.criteriaMet ? t(`audits.criteriaMet.${audit.criteriaMet}`) : "—"}</dd>
            <dt>{t("audits.field.conclusions")}</dt>
            <dd className="preserve-lines">{audit.conclusions ?? "—"}</dd>
            <dt>{t("audits.field.divergingOpinions")}</dt>
            <dd className="preserve-lines">{audit.divergingOpinions ?? "—"}</dd>
          </dl>
        )}
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.audit.code} – ${data.audit.title}` }] : pageMeta(matches, "nav.audits");

export function ErrorBoundary() {
  return <ErrorPage />;
}
