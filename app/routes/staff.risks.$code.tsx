import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { FormFold } from "~/components/form-fold";
import { FieldErrors, FormErrors } from "~/components/form";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { RiskStepSchema } from "~/domain/risks/risk";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import { applyRiskStep, getRisk } from "~/models/risks.server";
import { listUsers } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import isoStyles from "~/styles/iso.css?url";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/risks"));
  const db = getDb();
  const risk = await getRisk(db, user.unitId, params.code ?? "");
  if (!risk) throw new Response("Not found", { status: 404 });
  const canEdit = may(user.roles, "recordRisks");
  const staff = canEdit ? (await listUsers(db, user.unitId)).filter((u) => !u.isDisabled).map((u) => ({ id: u.id, name: u.displayName })) : [];
  return { risk, canEdit, staff, today: businessDateOf(new Date()), userId: user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("recordRisks"));
  const form = await request.formData();
  const op = String(form.get("op") ?? "");
  const submission = parseWithZod(form, { schema: RiskStepSchema });
  if (submission.status !== "success") {
    const reply = submission.reply();
    return data({ op, fieldErrors: (reply.error ?? {}) as Record<string, string[] | null>, formErrors: [] as string[] }, { status: 400 });
  }
  const result = await applyRiskStep(getDb(), { kind: "user", userId: user.id }, user.unitId, params.code ?? "", submission.value);
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of result.errors) fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), e.key];
    return data({ op, fieldErrors, formErrors: fieldErrors.form ?? [] }, { status: 400 });
  }
  return redirect(`/staff/risks/${params.code}?done=${op}`);
}

export default function RiskPage() {
  const { risk, canEdit, staff, today, userId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  // A fold opens by itself when its form came back refused (the review's also when the review is due).
  const failed = (op: string) => result?.op === op;
  const err = (op: string, field: string) => (result?.op === op ? (result.fieldErrors[field] ?? undefined) : undefined);
  const input = (op: string, name: string, label: MessageKey, type: string, defaultValue?: string, extra?: Record<string, unknown>) => {
    const id = `${op}-${name}`;
    const errors = err(op, name);
    return (
      <div className={errors?.length ? "field field--invalid" : "field"}>
        <label htmlFor={id}>{t(label)}</label>
        {type === "textarea" ? (
          <textarea id={id} name={name} rows={2} defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${id}-error`} />
        ) : (
          <input id={id} name={name} type={type} defaultValue={defaultValue} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${id}-error`} {...extra} />
        )}
        <FieldErrors id={`${id}-error`} errors={errors ?? undefined} />
      </div>
    );
  };
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/risks">{t("risks.title")}</Link>
      </p>
      <h1>
        {risk.code} · {risk.title}
      </h1>
      <dl className="facts">
        <dt>{t("risks.field.kind")}</dt>
        <dd>{t(`risks.kind.${risk.kind}`)}</dd>
        <dt>{t("risks.field.process")}</dt>
        <dd>{risk.process ?? "—"}</dd>
        <dt>{t("risks.field.field")}</dt>
        <dd>{risk.field ? t(`procedureField.${risk.field}` as MessageKey) : "—"}</dd>
        <dt>{t("risks.field.level")}</dt>
        <dd>
          <span className={`badge band-${risk.band}`} data-testid="risk-level">
            {risk.likelihood}×{risk.impact} = {risk.level} · {t(`risks.band.${risk.band}`)}
          </span>
        </dd>
        <dt>{t("risks.field.description")}</dt>
        <dd>{risk.description}</dd>
        <dt>{t("risks.field.cause")}</dt>
        <dd>{risk.cause}</dd>
        <dt>{t("risks.field.consequence")}</dt>
        <dd>{risk.consequence}</dd>
        <dt>{t("risks.field.owner")}</dt>
        <dd>{risk.owner_name}</dd>
        <dt>{t("risks.field.recordedOn")}</dt>
        <dd>{formatDate(risk.recorded_on)}</dd>
        <dt>{t("risks.field.reviewDate")}</dt>
        <dd>{formatDate(risk.review_date)}</dd>
        {risk.nonconformity_code ? (
          <>
            <dt>{t("risks.field.nonconformityCode")}</dt>
            <dd>
              <Link to={`/staff/nonconformities/${risk.nonconformity_code}`}>{risk.nonconformity_code}</Link>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="treatments">
        <h2 id="treatments">{t("risks.treatments")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "treatments" })}>
          <table className="iso-table">
            <thead>
              <tr>
                <th scope="col">{t("risks.treatment.description")}</th>
                <th scope="col">{t("risks.field.owner")}</th>
                <th scope="col">{t("risks.treatment.due")}</th>
                <th scope="col">{t("risks.treatment.doneOn")}</th>
                <th scope="col">{t("risks.treatment.evidence")}</th>
              </tr>
            </thead>
            <tbody>
              {risk.treatments.map((tr) => (
                <tr key={tr.id}>
                  <td>{tr.description}</td>
                  <td>{tr.owner_name}</td>
                  <td className="nowrap">{formatDate(tr.due_date)}</td>
                  <td className={tr.done_on ? "nowrap" : undefined}>
                    {tr.done_on ? (
                      formatDate(tr.done_on)
                    ) : canEdit ? (
                      <Form method="post" className="inline-form treatment-done">
                        <input type="hidden" name="op" value="treatment_done" />
                        <input type="hidden" name="treatmentId" value={tr.id} />
                        <input type="hidden" name="doneOn" value={today} />
                        <label className="visually-hidden" htmlFor={`evidence-${tr.id}`}>
                          {t("risks.treatment.evidence")}
                        </label>
                        <input id={`evidence-${tr.id}`} name="evidence" required placeholder={t("risks.treatment.evidence")} />
                        <button type="submit" className="button button--secondary">
                          {t("risks.treatment.markDone")}
                        </button>
                      </Form>
                    ) : (
                      t("risks.treatment.pending")
                    )}
                  </td>
                  <td>{tr.evidence ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit ? (
          <FormFold summary={t("risks.treatment.add")} open={failed("add_treatment")}>
            <Form method="post" className="stack" aria-label={t("risks.treatment.add")}>
              <input type="hidden" name="op" value="add_treatment" />
              <FormErrors id="add-form-error" errors={result?.op === "add_treatment" ? result.formErrors : undefined} />
              {input("add_treatment", "description", "risks.treatment.description", "textarea")}
              <div className="field">
                <label htmlFor="add_treatment-ownerUserId">{t("risks.field.owner")}</label>
                <select id="add_treatment-ownerUserId" name="ownerUserId" defaultValue={String(userId)}>
                  {staff.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <FieldErrors id="add_treatment-ownerUserId-error" errors={err("add_treatment", "ownerUserId") ?? undefined} />
              </div>
              {input("add_treatment", "dueDate", "risks.treatment.due", "date")}
              <button type="submit" className="button">
                {t("risks.treatment.add")}
              </button>
            </Form>
          </FormFold>
        ) : null}
      </section>

      <section aria-labelledby="reviews">
        <h2 id="reviews">{t("risks.reviews")}</h2>
        {risk.reviews.length > 0 ? (
          <div className="table-scroll" {...scrollRegion({ labelledBy: "reviews" })}>
            <table className="iso-table" data-testid="reviews">
              <thead>
                <tr>
                  <th scope="col">{t("risks.review.reviewedOn")}</th>
                  <th scope="col">{t("risks.review.before")}</th>
                  <th scope="col">{t("risks.review.after")}</th>
                  <th scope="col">{t("risks.review.effective")}</th>
                  <th scope="col">{t("risks.review.note")}</th>
                </tr>
              </thead>
              <tbody>
                {risk.reviews.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{formatDate(r.reviewed_on)}</td>
                    <td>
                      {r.likelihood_before}×{r.impact_before} = {r.levelBefore}
                    </td>
                    <td>
                      {r.likelihood_after}×{r.impact_after} = {r.levelAfter}
                    </td>
                    <td>{r.effective ? t("risks.review.effective") : t("risks.review.notEffective")}</td>
                    <td>{r.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {canEdit ? (
          <FormFold summary={t("risks.review.do")} open={failed("review") || risk.review_date <= today}>
            <Form method="post" className="stack" aria-label={t("risks.review.do")}>
              <input type="hidden" name="op" value="review" />
              <FormErrors id="review-form-error" errors={result?.op === "review" ? result.formErrors : undefined} />
              {input("review", "reviewedOn", "risks.review.reviewedOn", "date", today)}
              {input("review", "likelihood", "risks.field.likelihood", "number", String(risk.likelihood), { min: 1, max: 5 })}
              {input("review", "impact", "risks.field.impact", "number", String(risk.impact), { min: 1, max: 5 })}
              {input("review", "note", "risks.review.note", "textarea")}
              {input("review", "nextReviewDate", "risks.review.nextReview", "date")}
              <button type="submit" className="button">
                {t("risks.review.do")}
              </button>
            </Form>
          </FormFold>
        ) : null}
      </section>
    </main>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: isoStyles }];
export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "risks.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
