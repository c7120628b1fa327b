import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { may } from "~/domain/accounts/permissions";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DoneNotice } from "~/components/done-notice";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { IsoReviewInputs } from "~/components/management-review/iso-inputs";
import { CHECKLIST_ANSWERS } from "~/domain/audits/audit";
import { DECISION_CATEGORIES, REVIEW_CODE_PATTERN } from "~/domain/management-review/review";
import { DecisionSchema, RecordReviewSchema, ReviewNotesSchema, ReviewStepSchema } from "~/domain/management-review/schema";
import { RATE_METRICS } from "~/domain/metrics/objectives";
import { useI18n } from "~/i18n/i18n-context";
import {
  addReviewDecision,
  getManagementReview,
  listDecisionOwners,
  recordManagementReview,
  removeReviewDecision,
  reviewInputsOf,
  updateReviewNotes,
  type ReviewInputs,
  type ReviewResult,
} from "~/models/management-reviews.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { publicOrigin } from "~/utils/env.server";
import { scrollRegion } from "~/components/scroll-region";

const CodeSchema = z.string().regex(REVIEW_CODE_PATTERN);

async function load(user: SessionUser, codeParam: string | undefined) {
  const code = CodeSchema.safeParse(codeParam);
  const detail = code.success ? await getManagementReview(getDb(), user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/management-reviews"));
  const { review, decisions } = await load(user, params.code);
  const now = new Date();
  const draft = review.state === "draft";
  const canEdit = draft && may(user.roles, "editManagementReviews");
  const db = getDb();
  const [inputs, owners] = await Promise.all([
    reviewInputsOf(db, user.unitId, review, now),
    canEdit ? listDecisionOwners(db, user.unitId) : Promise.resolve([]),
  ]);
  const { inputs_json: _frozen, ...shown } = review;
  return {
    review: shown,
    decisions,
    inputs,
    owners,
    canEdit,
    canRecord: draft && may(user.roles, "recordManagementReviews"),
    today: businessDateOf(now),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/management-reviews"));
  const { review } = await load(user, params.code);
  if (!may(user.roles, "editManagementReviews")) throw new Response("Forbidden", { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema: ReviewStepSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const db = getDb();
  const actor = { kind: "user", userId: user.id } as const;
  let result: ReviewResult;
  if (v.intent === "save_notes") {
    result = await updateReviewNotes(db, actor, user.unitId, review.id, v);
  } else if (v.intent === "add_decision") {
    result = await addReviewDecision(db, actor, user.unitId, review.id, v);
  } else if (v.intent === "remove_decision") {
    result = await removeReviewDecision(db, actor, user.unitId, review.id, v.decisionId);
  } else {
    result = await recordManagementReview(db, user.unitId, review.id, {
      actor: { userId: user.id, name: user.displayName, roles: user.roles },
      secretaryName: v.secretaryName,
      origin: publicOrigin(request),
      now: new Date(),
    });
  }
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.error] } }) : submission.reply({ formErrors: [result.error] });
    return data(reply, { status: result.error === "review.error.locked" ? 409 : 400 });
  }
  return redirect(`/staff/management-reviews/${review.code}?done=${v.intent}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ManagementReviewPage() {
  const { review, decisions, inputs, owners, canEdit, canRecord, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, formatDate, formatDateTime } = useI18n();
  const intentOf = (result: typeof lastResult) => (result?.initialValue as { intent?: unknown } | null | undefined)?.intent;
  const lastIntent = intentOf(lastResult);

  const [notesForm, notes] = useForm({
    id: "review-notes",
    lastResult: lastIntent === "save_notes" ? lastResult : undefined,
    defaultValue: {
      attendees: review.attendees,
      changesNote: review.changes_note ?? "",
      resourcesNote: review.resources_note ?? "",
      conclusions: review.conclusions ?? "",
    },
    constraint: getZodConstraint(ReviewNotesSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewNotesSchema }),
  });
  const [decisionForm, decision] = useForm({
    id: "review-decision",
    lastResult: lastIntent === "add_decision" ? lastResult : undefined,
    defaultValue: { category: "improvement" },
    constraint: getZodConstraint(DecisionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  const [recordForm, recordFields] = useForm({
    id: "review-record",
    lastResult: lastIntent === "record" ? lastResult : undefined,
    constraint: getZodConstraint(RecordReviewSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecordReviewSchema }),
  });
  const pageErrors = lastIntent === "record" || lastIntent === "remove_decision" ? lastResult?.error?.[""] : undefined;

  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/management-reviews">← {t("review.list.title")}</Link>
      </p>
      <h1>{t("review.title", { code: review.code })}</h1>
      <DoneNotice area="review" />
      {review.state === "recorded" && review.recorded_at ? (
        <p className="notice notice--warning">
          {t("review.recordedNotice", { at: formatDateTime(review.recorded_at), name: review.recordedByName ?? "" })}
        </p>
      ) : null}
      <FormErrors id="review-errors" errors={pageErrors ?? undefined} />

      <dl className="facts">
        <dt>{t("review.col.state")}</dt>
        <dd>
          <span className={review.state === "recorded" ? "badge badge--ok" : "badge badge--warn"}>{t(`review.state.${review.state}`)}</span>
        </dd>
        <dt>{t("review.col.period")}</dt>
        <dd>{t("review.periodRange", { from: formatDate(review.period_from), to: formatDate(review.period_to) })}</dd>
        <dt>{t("review.field.meetingDate")}</dt>
        <dd>{formatDate(review.meeting_date)}</dd>
        <dt>{t("review.field.location")}</dt>
        <dd>{review.location}</dd>
        <dt>{t("review.col.chair")}</dt>
        <dd>{review.chairName}</dd>
        <dt>{t("review.field.attendees")}</dt>
        <dd className="preserve-lines">{review.attendees}</dd>
        {review.secretary_name ? (
          <>
            <dt>{t("review.field.secretary")}</dt>
            <dd>{review.secretary_name}</dd>
          </>
        ) : null}
        <dt>{t("review.col.documents")}</dt>
        <dd>
          <a href={`/staff/management-reviews/${review.code}/input.pdf`}>{t("review.link.input")}</a>
          {review.state === "recorded" ? (
            <>
              {" · "}
              <a href={`/staff/management-reviews/${review.code}/record.pdf`}>{t("review.link.record")}</a>
            </>
          ) : null}
        </dd>
      </dl>

      <section className="section" aria-labelledby="review-notes-title">
        <h2 id="review-notes-title">{t("review.notes")}</h2>
        {canEdit ? (
          <Form method="post" {...getFormProps(notesForm)} className="stack">
            <input type="hidden" name="intent" value="save_notes" />
            <FormErrors id={notesForm.errorId} errors={notesForm.errors} />
            <Field label={t("review.field.attendees")} htmlFor={notes.attendees.id} errorId={notes.attendees.errorId} errors={notes.attendees.errors}>
              <textarea {...getTextareaProps(notes.attendees)} rows={5} />
            </Field>
            <Field
              label={t("review.field.changesNote")}
              htmlFor={notes.changesNote.id}
              hint={t("review.field.changesNoteHint")}
              hintId={notes.changesNote.descriptionId}
              errorId={notes.changesNote.errorId}
              errors={notes.changesNote.errors}
            >
              <textarea {...getTextareaProps(notes.changesNote, { ariaDescribedBy: notes.changesNote.descriptionId })} rows={4} />
            </Field>
            <Field
              label={t("review.field.resourcesNote")}
              htmlFor={notes.resourcesNote.id}
              hint={t("review.field.resourcesNoteHint")}
              hintId={notes.resourcesNote.descriptionId}
              errorId={notes.resourcesNote.errorId}
              errors={notes.resourcesNote.errors}
            >
              <textarea {...getTextareaProps(notes.resourcesNote, { ariaDescribedBy: notes.resourcesNote.descriptionId })} rows={4} />
            </Field>
            <Field label={t("review.field.conclusions")} htmlFor={notes.conclusions.id} errorId={notes.conclusions.errorId} errors={notes.conclusions.errors}>
              <textarea {...getTextareaProps(notes.conclusions)} rows={6} />
            </Field>
            <div>
              <button type="submit" className="button">
                {t("review.saveNotes")}
              </button>
            </div>
          </Form>
        ) : (
          <dl className="facts">
            <dt>{t("review.field.changesNote")}</dt>
            <dd className="preserve-lines">{review.changes_note ?? t("review.noNote")}</dd>
            <dt>{t("review.field.resourcesNote")}</dt>
            <dd className="preserve-lines">{review.resources_note ?? t("review.noNote")}</dd>
            <dt>{t("review.field.conclusions")}</dt>
            <dd className="preserve-lines">{review.conclusions ?? t("review.noNote")}</dd>
          </dl>
        )}
      </section>

      <section className="section" aria-labelledby="review-decisions-title">
        <h2 id="review-decisions-title">{t("review.decisions.title")}</h2>
        {decisions.length === 0 ? (
          <p>{t("review.decisions.none")}</p>
        ) : (
          <div className="table-scroll" {...scrollRegion({ labelledBy: "review-decisions-title" })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("review.col.category")}</th>
                  <th scope="col">{t("review.col.decision")}</th>
                  <th scope="col">{t("review.col.owner")}</th>
                  <th scope="col">{t("review.col.dueDate")}</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t("review.decision.remove")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {decisions.map((d, index) => (
                  <tr key={d.id}>
                    <td>{index + 1}</td>
                    <td>{t(`review.category.${d.category}`)}</td>
                    <td className="preserve-lines">{d.description}</td>
                    <td>{d.ownerName ?? "—"}</td>
                    <td className="nowrap">{d.due_date ? formatDate(d.due_date) : "—"}</td>
                    {canEdit ? (
                      <td>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="remove_decision" />
                          <input type="hidden" name="decisionId" value={d.id} />
                          <button type="submit" className="button button--secondary" aria-label={t("review.decision.removeLabel", { description: d.description })}>
                            {t("review.decision.remove")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <Form method="post" {...getFormProps(decisionForm)} className="action-form">
            <h3>{t("review.decision.add")}</h3>
            <input type="hidden" name="intent" value="add_decision" />
            <FormErrors id={decisionForm.errorId} errors={decisionForm.errors} />
            <Field label={t("review.field.category")} htmlFor={decision.category.id} errorId={decision.category.errorId} errors={decision.category.errors}>
              <select {...getSelectProps(decision.category)}>
                {DECISION_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`review.category.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("review.field.description")} htmlFor={decision.description.id} errorId={decision.description.errorId} errors={decision.description.errors}>
              <textarea {...getTextareaProps(decision.description)} rows={3} />
            </Field>
            <Field label={t("review.field.owner")} htmlFor={decision.ownerUserId.id} errorId={decision.ownerUserId.errorId} errors={decision.ownerUserId.errors}>
              <select {...getSelectProps(decision.ownerUserId)}>
                <option value="">—</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.display_name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("review.field.dueDate")} htmlFor={decision.dueDate.id} errorId={decision.dueDate.errorId} errors={decision.dueDate.errors}>
              <input {...getInputProps(decision.dueDate, { type: "date" })} min={today} />
            </Field>
            <div>
              <button type="submit" className="button button--secondary">
                {t("review.decision.add")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      {canEdit ? (
        <section className="section" aria-labelledby="review-record-title">
          <h2 id="review-record-title">{t("review.record.title")}</h2>
          {canRecord ? (
            <Form method="post" {...getFormProps(recordForm)} className="action-form">
              <p className="field-hint">{t("review.record.hint")}</p>
              <input type="hidden" name="intent" value="record" />
              <Field
                label={t("review.field.secretary")}
                htmlFor={recordFields.secretaryName.id}
                hint={t("review.field.secretaryHint")}
                hintId={recordFields.secretaryName.descriptionId}
                errorId={recordFields.secretaryName.errorId}
                errors={recordFields.secretaryName.errors}
              >
                <input
                  {...getInputProps(recordFields.secretaryName, { type: "text", ariaDescribedBy: recordFields.secretaryName.descriptionId })}
                  list="review-secretary-names"
                  autoComplete="off"
                />
              </Field>
              <datalist id="review-secretary-names">
                {owners.map((o) => (
                  <option key={o.id} value={o.display_name} />
                ))}
              </datalist>
              <div>
                <button type="submit" className="button">
                  {t("review.record.button")}
                </button>
              </div>
            </Form>
          ) : (
            <p>{t("review.record.leaderOnly")}</p>
          )}
        </section>
      ) : review.state === "draft" ? (
        <p className="field-hint">{t("review.readOnly")}</p>
      ) : null}

      <ReviewInputsView inputs={inputs} recorded={review.state === "recorded"} recordedAt={review.recorded_at} />
    </main>
  );
}

function ReviewInputsView({ inputs, recorded, recordedAt }: { inputs: LoaderData["inputs"]; recorded: boolean; recordedAt: string | null }) {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  // As the PDFs print rates: never rounded up to 100% nor down to 0% (two late in 4,000 is not 100%).
  const pct = (rate: number | null) => {
    if (rate === null) return "—";
    const percent = rate * 100;
    const rounded = Math.round(percent * 10) / 10;
    const shown = rounded >= 100 && rate < 1 ? Math.floor(percent * 10) / 10 : rounded <= 0 && rate > 0 ? 0.1 : percent;
    return `${formatNumber(shown)}%`;
  };
  const n = (value: number) => formatNumber(value);
  const { performance: perf, nonconformities: nc, feedback } = inputs;
  const figureHeader = (first: string) => (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col">{t("review.perf.received")}</th>
      <th scope="col">{t("review.perf.resolved")}</th>
      <th scope="col">{t("review.perf.early")}</th>
      <th scope="col">{t("review.perf.onTime")}</th>
      <th scope="col">{t("review.perf.late")}</th>
      <th scope="col">{t("review.perf.onTimeRate")}</th>
      <th scope="col">{t("review.perf.onlineRate")}</th>
    </tr>
  );
  const figureCells = (f: Pick<ReviewInputs["performance"]["totals"], "received" | "resolved" | "early" | "onTime" | "late" | "onTimeRate" | "onlineRate">) => (
    <>
      <td>{n(f.received)}</td>
      <td>{n(f.resolved)}</td>
      <td>{n(f.early)}</td>
      <td>{n(f.onTime)}</td>
      <td>{n(f.late)}</td>
      <td>{pct(f.onTimeRate)}</td>
      <td>{pct(f.onlineRate)}</td>
    </>
  );
  const countList = (title: string, rows: ReadonlyArray<{ label: string; count: number }>) =>
    rows.length === 0 ? null : (
      <table>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t("review.col.count")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td>{n(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <section className="section" aria-labelledby="review-inputs-title">
      <h2 id="review-inputs-title">{t("review.inputs.title")}</h2>
      <p className="field-hint">
        {t(inputs.window.toDate ? "review.inputs.windowToDate" : "review.inputs.window", { from: formatDate(inputs.window.from), to: formatDate(inputs.window.to) })}
        {inputs.frozen && recordedAt ? ` ${t("mr.input.frozen", { at: formatDateTime(recordedAt) })}` : recorded ? ` ${t("review.recordedFigures")}` : ""}
      </p>

      <h3>{t("review.section.previous")}</h3>
      {inputs.previousActions.length === 0 ? (
        <p>{t("review.previous.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("review.section.previous") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.col.review")}</th>
                <th scope="col">{t("review.col.category")}</th>
                <th scope="col">{t("review.col.decision")}</th>
                <th scope="col">{t("review.col.owner")}</th>
                <th scope="col">{t("review.col.dueDate")}</th>
                <th scope="col">{t("review.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {inputs.previousActions.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">
                    <Link to={`/staff/management-reviews/${a.reviewCode}`}>{a.reviewCode}</Link>
                  </td>
                  <td>{t(`review.category.${a.category}`)}</td>
                  <td>{a.description}</td>
                  <td>{a.ownerName ?? "—"}</td>
                  <td className="nowrap">{a.dueDate ? formatDate(a.dueDate) : "—"}</td>
                  <td>{t(`review.previousStatus.${a.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("review.section.changes")}</h3>
      <p className="preserve-lines">{inputs.changes.note ?? t("review.noNote")}</p>
      <h4>{t("review.changes.revisions")}</h4>
      {inputs.changes.revisions.length === 0 ? (
        <p>{t("review.changes.noRevisions")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("review.section.changes") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.col.document")}</th>
                <th scope="col">{t("review.col.revision")}</th>
                <th scope="col">{t("review.col.effectiveDate")}</th>
                <th scope="col">{t("review.col.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {inputs.changes.revisions.map((r) => (
                <tr key={`${r.code}-${r.revision}`}>
                  <td>
                    <Link to={`/staff/documents/${r.code}`}>{r.code}</Link> {r.title}
                  </td>
                  <td>{r.revision}</td>
                  <td className="nowrap">{formatDate(r.effectiveDate)}</td>
                  <td>{r.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("review.section.objectives")}</h3>
      {inputs.objectives.map((year) => (
        <div key={year.year}>
          <h4>{t("review.objectives.year", { year: String(year.year), from: formatDate(year.from), to: formatDate(year.to) })}</h4>
          {year.rows.length === 0 ? (
            <p>{t("objectives.none")}</p>
          ) : (
            <div className="table-scroll" {...scrollRegion({ label: t("review.section.objectives") })}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("objectives.col.objective")}</th>
                    <th scope="col">{t("objectives.col.target")}</th>
                    <th scope="col">{t("objectives.col.actual")}</th>
                    <th scope="col">{t("objectives.col.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {year.rows.map((o) => {
                    const show = (value: number | null) => (value === null ? "—" : RATE_METRICS.includes(o.metric) ? pct(value) : n(value));
                    return (
                      <tr key={o.id}>
                        <td>{o.title}</td>
                        <td className="nowrap">
                          {o.comparator === ">=" ? "≥" : "≤"} {show(o.target)}
                        </td>
                        <td className="nowrap">{show(o.actual)}</td>
                        <td>
                          <span className={`badge badge--objective-${o.status}`}>{t(`objectives.status.${o.status}`)}</span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}

      <h3>{t("review.section.performance")}</h3>
      <dl className="facts">
        <dt>{t("review.perf.received")}</dt>
        <dd>{n(perf.totals.received)}</dd>
        <dt>{t("review.perf.onTimeRate")}</dt>
        <dd>{pct(perf.totals.onTimeRate)}</dd>
        <dt>{t("review.perf.late")}</dt>
        <dd>{n(perf.totals.late)}</dd>
        <dt>{t("review.perf.openLateAtEnd")}</dt>
        <dd>{n(perf.totals.openLateAtEnd)}</dd>
        <dt>{t("review.perf.overdueNow")}</dt>
        <dd>{n(perf.totals.overdueNow)}</dd>
        <dt>{t("review.perf.onlineRate")}</dt>
        <dd>{pct(perf.totals.onlineRate)}</dd>
        <dt>{t("review.perf.eTransferRate")}</dt>
        <dd>{pct(perf.totals.eTransferRate)}</dd>
      </dl>
      {perf.byField.length === 0 ? (
        <p>{t("review.perf.none")}</p>
      ) : (
        <>
          <h4>{t("review.perf.byField")}</h4>
          <div className="table-scroll" {...scrollRegion({ label: t("review.perf.byField") })}>
            <table>
              <thead>{figureHeader(t("review.col.field"))}</thead>
              <tbody>
                {perf.byField.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{t(`procedureField.${f.field}`)}</th>
                    {figureCells(f)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{t("review.perf.byChannel")}</h4>
          <div className="table-scroll" {...scrollRegion({ label: t("review.perf.byChannel") })}>
            <table>
              <thead>{figureHeader(t("review.col.channel"))}</thead>
              <tbody>
                {perf.byChannel.map((c) => (
                  <tr key={c.channel}>
                    <th scope="row">{t(`channel.${c.channel}`)}</th>
                    {figureCells(c)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3>{t("review.section.satisfaction")}</h3>
      <dl className="facts">
        <dt>{t("review.sat.rate")}</dt>
        <dd>
          {pct(inputs.satisfaction.rate)} ({t("review.sat.ratings", { satisfied: inputs.satisfaction.satisfied, rated: inputs.satisfaction.rated })})
        </dd>
        <dt>{t("review.complaints.received")}</dt>
        <dd>{n(inputs.complaints.received)}</dd>
        <dt>{t("review.complaints.answered")}</dt>
        <dd>
          {n(inputs.complaints.answered)} / {n(inputs.complaints.answeredOnTime)}
        </dd>
      </dl>
      <p>{t("review.feedback.answers", { answered: feedback.answers.answered, onTime: feedback.answers.onTime, openLate: feedback.answers.openLate })}</p>
      {feedback.rows.every((r) => r.total === 0) ? (
        <p>{t("review.feedback.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("review.feedback.byKind") })}>
          <table>
            <caption>{t("review.feedback.byKind")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("review.col.kind")}</th>
                {feedback.states.map((s) => (
                  <th scope="col" key={s}>
                    {t(`feedbackState.${s}`)}
                  </th>
                ))}
                <th scope="col">{t("review.col.total")}</th>
              </tr>
            </thead>
            <tbody>
              {feedback.rows
                .filter((r) => r.total > 0)
                .map((r) => (
                  <tr key={r.kind}>
                    <th scope="row">{t(`feedbackKind.${r.kind}`)}</th>
                    {feedback.states.map((s) => (
                      <td key={s}>{n(r.byState[s])}</td>
                    ))}
                    <td>{n(r.total)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("review.section.nonconformities")}</h3>
      {nc.total === 0 ? (
        <p>{t("review.nc.none")}</p>
      ) : (
        <dl className="facts">
          <dt>{t("review.nc.total")}</dt>
          <dd>
            <Link to="/staff/nonconformities">{n(nc.total)}</Link>
          </dd>
          <dt>{t("review.nc.repeats")}</dt>
          <dd>{n(nc.repeats)}</dd>
        </dl>
      )}
      <p>{t("review.nc.actions", { ...nc.actions })}</p>
      <p>{t("review.nc.openNow", { ...nc.openNow })}</p>
      <div className="cards">
        {countList(
          t("review.nc.bySource"),
          nc.bySource.map((c) => ({ label: t(`nc.source.${c.key}`), count: c.count })),
        )}
        {countList(
          t("review.nc.byGrade"),
          nc.byGrade.map((c) => ({ label: t(`nc.grade.${c.key}`), count: c.count })),
        )}
        {countList(
          t("review.nc.byState"),
          nc.byState.map((c) => ({ label: t(`nc.state.${c.key}`), count: c.count })),
        )}
      </div>

      <h3>{t("review.section.audits")}</h3>
      {inputs.audits.length === 0 ? (
        <p>{t("review.audits.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("review.section.audits") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("review.col.audit")}</th>
                <th scope="col">{t("review.col.auditEnd")}</th>
                <th scope="col">{t("review.col.state")}</th>
                <th scope="col">{t("review.col.criteriaMet")}</th>
                <th scope="col">{t("review.col.answers")}</th>
                <th scope="col">{t("review.col.ncRaised")}</th>
              </tr>
            </thead>
            <tbody>
              {inputs.audits.map((a) => (
                <tr key={a.code}>
                  <td>
                    <Link to={`/staff/audits/${a.code}`}>{a.code}</Link> {a.title}
                  </td>
                  <td className="nowrap">{formatDate(a.plannedEnd)}</td>
                  <td>{t(`audits.state.${a.state}`)}</td>
                  <td>{a.criteriaMet ? t(`audits.criteriaMet.${a.criteriaMet}`) : "—"}</td>
                  <td>
                    {CHECKLIST_ANSWERS.filter((k) => a.answers[k] > 0)
                      .map((k) => `${t(`audits.answer.${k}`)}: ${n(a.answers[k])}`)
                      .concat(a.unanswered > 0 ? [`${t("review.audits.unanswered")}: ${n(a.unanswered)}`] : [])
                      .join("; ") || "—"}
                  </td>
                  <td>{n(a.ncRaised)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("review.section.resources")}</h3>
      <p className="preserve-lines">{inputs.resourcesNote ?? t("review.noNote")}</p>

      <IsoReviewInputs risks={inputs.risks} competence={inputs.competence} improvement={inputs.improvement} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? pageMeta(matches, "review.title", { code: data.review.code }) : pageMeta(matches, "review.list.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
