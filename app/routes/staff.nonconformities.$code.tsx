import { parseWithZod } from "@conform-to/zod/v4";
import { may } from "~/domain/accounts/permissions";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DoneNotice } from "~/components/done-notice";
import { ErrorPage } from "~/components/error-page";
import { FieldErrors, FormErrors } from "~/components/form";
import { hasAnyRole } from "~/domain/accounts/roles";
import { NcStepSchema } from "~/domain/nonconformities/schema";
import { readsMasked } from "~/domain/shared/personal-data";
import { allowedNcActions, type NcAction } from "~/domain/nonconformities/workflow";
import { useI18n } from "~/i18n/i18n-context";
import { listHandlers } from "~/models/dossiers.server";
import {
  addCorrectiveAction,
  applyNcStep,
  completeCorrectiveAction,
  getNonconformity,
  mergeNonconformity,
  type NcResult,
} from "~/models/nonconformities.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

const CodeSchema = z.string().regex(/^NC-\d{4}-\d{3,}$/);

async function load(user: SessionUser, codeParam: string | undefined) {
  const code = CodeSchema.safeParse(codeParam);
  const detail = code.success ? await getNonconformity(getDb(), user.unitId, code.data, { maskPersonalData: readsMasked(user.roles) }) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
}

/** A link to a dossier or feedback item only for readers who may open it. */
function mayOpen(user: SessionUser, href: string): boolean {
  if (href.startsWith("/staff/dossiers/")) return hasAnyRole(user.roles, rolesFor("/staff/dossiers"));
  if (href.startsWith("/staff/feedback/")) return hasAnyRole(user.roles, rolesFor("/staff/feedback"));
  if (href.startsWith("/staff/audits/")) return hasAnyRole(user.roles, rolesFor("/staff/audits"));
  return true;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/nonconformities"));
  const loaded = await load(user, params.code);
  const detail = { ...loaded, links: loaded.links.map((l) => ({ ...l, href: l.href && mayOpen(user, l.href) ? l.href : null })) };
  const canEdit = may(user.roles, "recordNonconformities");
  const round = detail.nc.reopen_count + 1;
  const current = detail.actions.filter((a) => a.round === round);
  return {
    ...detail,
    canEdit,
    userId: user.id,
    isQualityLead: may(user.roles, "keepQualitySystem"),
    today: businessDateOf(new Date()),
    steps: canEdit
      ? allowedNcActions(
          {
            state: detail.nc.state,
            actions: current.map((a) => ({ status: a.status, ownerUserId: a.owner_user_id, doneByUserId: a.done_by_user_id })),
          },
          user.id,
        )
      : [],
    // Verification is offered to whoever may do it; the rule is checked again on submit.
    canVerify: canEdit && detail.nc.state === "actions_done",
    canAddActions: canEdit && (detail.nc.state === "cause_analysed" || detail.nc.state === "actions_planned"),
    staff: await listHandlers(getDb(), user.unitId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/nonconformities"));
  const { nc } = await load(user, params.code);
  const submission = parseWithZod(await request.formData(), { schema: NcStepSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const db = getDb();
  const actor = { kind: "user", userId: user.id } as const;
  const canEdit = may(user.roles, "recordNonconformities");
  let result: NcResult;
  if (v.op === "action_done") {
    result = await completeCorrectiveAction(db, { ...actor, roles: user.roles }, user.unitId, v.actionId, v.evidence, new Date(), nc.id);
  } else if (!canEdit) {
    throw new Response("Forbidden", { status: 403 });
  } else if (v.op === "add_action") {
    result = await addCorrectiveAction(db, actor, user.unitId, nc.id, v);
  } else if (v.op === "merge") {
    if (!may(user.roles, "keepQualitySystem")) throw new Response("Forbidden", { status: 403 });
    result = await mergeNonconformity(db, actor, user.unitId, nc.id, v.intoCode);
  } else if (v.op === "record_correction") {
    result = await applyNcStep(db, actor, user.unitId, nc.id, { action: v.op, correction: v.correction });
  } else if (v.op === "analyse_cause") {
    result = await applyNcStep(db, actor, user.unitId, nc.id, { action: v.op, method: v.method, analysis: v.analysis, rootCause: v.rootCause });
  } else if (v.op === "verify") {
    result = await applyNcStep(db, actor, user.unitId, nc.id, { action: v.op, effective: v.effective, note: v.note });
  } else {
    result = await applyNcStep(db, actor, user.unitId, nc.id, { action: v.op });
  }
  if (!result.ok) return data(submission.reply({ formErrors: [result.error] }), { status: 409 });
  return redirect(`/staff/nonconformities/${nc.code}?done=${v.op}`);
}

export default function NonconformityPage() {
  const { nc, actions, links, steps, canVerify, canAddActions, staff, userId, isQualityLead, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const stepForm = (op: NcAction, children?: React.ReactNode) => (
    <Form method="post" className="action-form" key={op}>
      <input type="hidden" name="op" value={op} />
      {children}
      <button type="submit" className="button">
        {t(`nc.action.${op}`)}
      </button>
    </Form>
  );
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/nonconformities">← {t("nc.register.title")}</Link>
      </p>
      <h1>
        {nc.code}: {nc.title}
      </h1>
      <DoneNotice area="nc" />
      {lastResult ? <FormErrors id="nc-errors" errors={lastResult.error?.[""] ?? undefined} /> : null}
      {lastResult?.error ? (
        <FieldErrors id="nc-field-errors" errors={Object.entries(lastResult.error).filter(([k]) => k !== "").flatMap(([, v]) => v ?? [])} />
      ) : null}
      {nc.mergedIntoCode ? (
        <p className="notice notice--warning">
          <Link to={`/staff/nonconformities/${nc.mergedIntoCode}`}>{t("nc.mergedInto", { code: nc.mergedIntoCode })}</Link>
        </p>
      ) : null}
      <div className="dossier-layout">
        <section>
          <dl className="facts">
            <dt>{t("nc.col.state")}</dt>
            <dd>
              {t(`nc.state.${nc.state}`)}
              {nc.repeat ? <span className="badge badge--danger"> {t("nc.repeat")}</span> : null}
            </dd>
            <dt>{t("nc.col.source")}</dt>
            <dd>{t(`nc.source.${nc.source}`)}</dd>
            <dt>{t("nc.col.process")}</dt>
            <dd>{nc.process}</dd>
            <dt>{t("nc.col.clause")}</dt>
            <dd>{nc.iso_clause}</dd>
            <dt>{t("nc.col.grade")}</dt>
            <dd>{t(`nc.grade.${nc.grade}`)}</dd>
            <dt>{t("nc.col.found")}</dt>
            <dd>
              {formatDate(nc.found_at)}
              {nc.foundByName ? ` · ${nc.foundByName}` : ""}
            </dd>
            <dt>{t("nc.field.description")}</dt>
            <dd className="preserve-lines">{nc.description}</dd>
            {nc.evidence ? (
              <>
                <dt>{t("nc.field.evidence")}</dt>
                <dd className="preserve-lines">{nc.evidence}</dd>
              </>
            ) : null}
            {nc.correction ? (
              <>
                <dt>{t("nc.field.correction")}</dt>
                <dd className="preserve-lines">{nc.correction}</dd>
              </>
            ) : null}
            {nc.root_cause ? (
              <>
                <dt>{t("nc.field.rootCause")}</dt>
                <dd>
                  {nc.root_cause}
                  <ol>
                    {nc.analysis.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ol>
                </dd>
              </>
            ) : null}
            {nc.verified_at ? (
              <>
                <dt>{t("nc.action.verify")}</dt>
                <dd>
                  {formatDate(nc.verified_at)} · {nc.verifiedByName} — {nc.verification_note}
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href={`/staff/nonconformities/${nc.code}/request.pdf`}>{t("nc.pdf")}</a>
          </p>
          {links.length > 0 ? (
            <>
              <h2>{t("nc.links")}</h2>
              <ul>
                {links.map((l) => (
                  <li key={l.id}>
                    {t(`nc.link.${l.entity_type}`)}: {l.href ? <Link to={l.href}>{l.label}</Link> : l.label}
                    {l.reason ? ` — ${l.reason}` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="dossier-actions" aria-labelledby="nc-steps">
          <h2 id="nc-steps">{t("dossier.actions")}</h2>
          {steps.includes("record_correction")
            ? stepForm(
                "record_correction",
                <div className="field">
                  <label htmlFor="correction">{t("nc.field.correction")}</label>
                  <textarea id="correction" name="correction" rows={3} required />
                </div>,
              )
            : null}
          {steps.includes("analyse_cause")
            ? stepForm(
                "analyse_cause",
                <>
                  <div className="field">
                    <label htmlFor="method">{t("nc.field.causeMethod")}</label>
                    <select id="method" name="method" defaultValue="five_whys">
                      <option value="five_whys">{t("nc.method.five_whys")}</option>
                      <option value="categories">{t("nc.method.categories")}</option>
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="analysis">{t("nc.field.analysis")}</label>
                    <textarea id="analysis" name="analysis" rows={5} required />
                  </div>
                  <div className="field">
                    <label htmlFor="rootCause">{t("nc.field.rootCause")}</label>
                    <input id="rootCause" name="rootCause" type="text" required />
                  </div>
                </>,
              )
            : null}
          {canAddActions ? (
            <Form method="post" className="action-form">
              <h3>{t("nc.addAction")}</h3>
              <input type="hidden" name="op" value="add_action" />
              <div className="field">
                <label htmlFor="action-description">{t("nc.field.actionDescription")}</label>
                <textarea id="action-description" name="description" rows={2} required />
              </div>
              <div className="field">
                <label htmlFor="action-owner">{t("nc.field.owner")}</label>
                <select id="action-owner" name="ownerUserId" required defaultValue="">
                  <option value="" disabled>
                    —
                  </option>
                  {staff.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.display_name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="action-due">{t("nc.field.dueDate")}</label>
                <input id="action-due" name="dueDate" type="date" min={today} required />
              </div>
              <button type="submit" className="button button--secondary">
                {t("nc.addAction")}
              </button>
            </Form>
          ) : null}
          {steps.includes("plan_actions") ? stepForm("plan_actions") : null}
          {steps.includes("complete_actions") ? stepForm("complete_actions") : null}
          {canVerify
            ? stepForm(
                "verify",
                <>
                  <label className="checkbox">
                    <input type="checkbox" name="effective" />
                    {t("nc.field.effective")}
                  </label>
                  <div className="field">
                    <label htmlFor="note">{t("nc.field.verificationNote")}</label>
                    <textarea id="note" name="note" rows={2} required />
                  </div>
                </>,
              )
            : null}
          {steps.includes("close") ? stepForm("close") : null}
          {isQualityLead && nc.state !== "closed" ? (
            <Form method="post" className="action-form">
              <input type="hidden" name="op" value="merge" />
              <div className="field">
                <label htmlFor="intoCode">{t("nc.field.mergeInto")}</label>
                <input id="intoCode" name="intoCode" type="text" placeholder="NC-2026-001" required />
              </div>
              <button type="submit" className="button button--secondary">
                {t("nc.merge")}
              </button>
            </Form>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="nc-actions" className="section">
        <h2 id="nc-actions">{t("nc.actions")}</h2>
        {actions.length === 0 ? (
          <p>—</p>
        ) : (
          <div className="table-scroll" {...scrollRegion({ labelledBy: "nc-actions" })}>
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("nc.field.actionDescription")}</th>
                  <th scope="col">{t("nc.field.owner")}</th>
                  <th scope="col">{t("nc.field.dueDate")}</th>
                  <th scope="col">{t("nc.col.state")}</th>
                  <th scope="col">{t("nc.field.actionEvidence")}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.id} className={a.status === "planned" && a.due_date < today ? "row--overdue" : undefined}>
                    <td>{t("nc.actions.round", { round: a.round })}</td>
                    <td>{a.description}</td>
                    <td>{a.ownerName}</td>
                    <td className="nowrap">
                      {formatDate(a.due_date)}
                      {a.status === "planned" && a.due_date < today ? <span className="badge badge--danger"> {t("nc.actions.overdue")}</span> : null}
                    </td>
                    <td>{t(`nc.actions.status.${a.status}`)}</td>
                    <td>
                      {a.status === "done" ? (
                        `${a.evidence ?? ""}${a.doneByName ? ` (${a.doneByName})` : ""}`
                      ) : a.status === "planned" && nc.state === "actions_planned" && (a.owner_user_id === userId || isQualityLead) ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="op" value="action_done" />
                          <input type="hidden" name="actionId" value={a.id} />
                          <label className="visually-hidden" htmlFor={`evidence-${a.id}`}>
                            {t("nc.field.actionEvidence")}
                          </label>
                          <input id={`evidence-${a.id}`} name="evidence" type="text" required placeholder={t("nc.field.actionEvidence")} />
                          <button type="submit" className="button button--secondary">
                            {t("nc.markDone")}
                          </button>
                        </Form>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.nc.code} – ${data.nc.title}` }] : pageMeta(matches, "nc.register.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
