import type { SubmissionResult } from "@conform-to/react";
import { may } from "~/domain/accounts/permissions";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DoneNotice } from "~/components/done-notice";
import { ErrorPage } from "~/components/error-page";
import { FeedbackActionForm, type FeedbackOp } from "~/components/feedback-action-form";
import { deadlineUrgency } from "~/domain/feedback/deadlines";
import { allowedFeedbackActions, OPEN_FEEDBACK_STATES, TrackingCodeSchema } from "~/domain/feedback/feedback";
import { StaffFeedbackActionSchema } from "~/domain/feedback/schema";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { listHandlers } from "~/models/dossiers.server";
import { applyFeedbackAction, findFeedbackIdByCode, getFeedbackDetail, shownLegalClocks, type StaffFeedbackAction } from "~/models/feedback.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { LegalClockList } from "~/components/feedback/legal-clocks";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { publicOrigin } from "~/utils/env.server";
import { open311PublicDescription } from "~/models/open311.server";
import { scrollRegion } from "~/components/scroll-region";

async function load(user: SessionUser, codeParam: string | undefined) {
  const code = TrackingCodeSchema.safeParse(codeParam);
  const detail = code.success ? await getFeedbackDetail(getDb(), user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/feedback"));
  const detail = await load(user, params.code);
  const now = new Date();
  const { item } = detail;
  const open = OPEN_FEEDBACK_STATES.includes(item.state);
  const canRaiseNc = !item.nonconformity_id && may(user.roles, "raiseNonconformityFromFeedback");
  const ops: FeedbackOp[] = [
    ...allowedFeedbackActions(item.state),
    "note",
    item.hidden_reason ? "unhide" : "hide",
    ...(canRaiseNc ? (["raise_nc"] as const) : []),
    ...(item.source === "open311" ? (["publish_text"] as const) : []),
  ];
  const nc = item.nonconformity_id
    ? await getDb().selectFrom("nonconformity").select("code").where("id", "=", item.nonconformity_id).executeTakeFirst()
    : undefined;
  const { clocks, ...rest } = detail;
  return {
    ...rest,
    legalClocks: shownLegalClocks(clocks, now),
    ops,
    publicText: item.source === "open311" ? { text: open311PublicDescription(item), approvedAt: item.public_description_at } : null,
    ncCode: nc?.code ?? null,
    staff: await listHandlers(getDb(), user.unitId),
    acceptanceUrgency: deadlineUrgency(item.acceptance_due_at ? new Date(item.acceptance_due_at) : null, now, item.state !== "received"),
    resolutionUrgency: deadlineUrgency(item.resolution_due_at ? new Date(item.resolution_due_at) : null, now, !open),
  };
}

type Reply = { op: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/feedback"));
  const { item } = await load(user, params.code);
  const db = getDb();
  const formData = await request.formData();
  const op = String(formData.get("op") ?? "");
  const staff = await listHandlers(db, user.unitId);
  const submission = parseWithZod(formData, {
    schema: StaffFeedbackActionSchema.superRefine((v, ctx) => {
      if (v.op === "assign" && !staff.some((s) => s.id === v.assigneeUserId)) {
        ctx.addIssue({ code: "custom", path: ["assigneeUserId"], message: "error.invalid" });
      }
    }),
  });
  if (submission.status !== "success") return data<Reply>({ op, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  let action: StaffFeedbackAction;
  if (value.op === "raise_nc" && !may(user.roles, "raiseNonconformityFromFeedback")) {
    throw new Response("Forbidden", { status: 403 });
  }
  if (value.op === "hide") {
    const duplicateOfId = value.duplicateOf ? await findFeedbackIdByCode(db, user.unitId, value.duplicateOf.toUpperCase()) : null;
    if (value.reason === "duplicate" && (!duplicateOfId || duplicateOfId === item.id)) {
      return data<Reply>({ op, result: submission.reply({ fieldErrors: { duplicateOf: ["feedback.error.notFound"] } }) }, { status: 400 });
    }
    action = { op: "hide", reason: value.reason, duplicateOfId };
  } else {
    action = value;
  }
  const origin = publicOrigin(request);
  const result = await applyFeedbackAction(db, { kind: "user", userId: user.id }, user.unitId, item.id, action, (c) => `${origin}/feedback/${c}`);
  if (!result.ok) return data<Reply>({ op, result: submission.reply({ formErrors: [result.error] }) }, { status: 409 });
  return redirect(`/staff/feedback/${item.code}?done=${value.op}`);
}

export default function FeedbackDetail() {
  const { item, events, attachments, outbox, ops, staff, acceptanceUrgency, resolutionUrgency, ncCode, publicText, legalClocks } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const urgencyBadge = (u: string) =>
    u === "overdue" || u === "soon" ? <span className={u === "overdue" ? "badge badge--danger" : "badge badge--warn"}> {t(`inbox.urgency.${u as "soon"}`)}</span> : null;
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/feedback">← {t("inbox.title")}</Link>
      </p>
      <h1>{t("fb.detail.title", { kind: t(`feedbackKind.${item.kind}`), code: item.code })}</h1>
      <DoneNotice area="feedback" />
      {ncCode ? (
        <p className="notice notice--warning">
          <Link to={`/staff/nonconformities/${ncCode}`}>{t("nc.linkedNc", { code: ncCode })}</Link>
        </p>
      ) : null}
      {legalClocks.some((c) => c.late) ? (
        <p className="notice notice--warning" role="alert" data-testid="late-filing">
          {t("clock.lateFiling")}
        </p>
      ) : null}
      {item.hidden_reason ? (
        <p className="notice notice--warning">
          {t("fb.detail.hidden", { reason: t(`inbox.hidden.${item.hidden_reason}`) })}
          {item.duplicate_of_code ? (
            <>
              {" "}
              → <Link to={`/staff/feedback/${item.duplicate_of_code}`}>{item.duplicate_of_code}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <div className="dossier-layout">
        <section>
          <dl className="facts">
            <dt>{t("feedback.status.state")}</dt>
            <dd>{t(`feedbackState.${item.state}`)}</dd>
            <dt>{t("feedback.form.subject")}</dt>
            <dd>{item.subject}</dd>
            <dt>{t("feedback.form.description")}</dt>
            <dd className="preserve-lines">{item.description}</dd>
            <dt>{t("fb.detail.contact")}</dt>
            <dd>
              {item.contact_name || item.contact_phone || item.contact_email ? (
                <>
                  {[item.contact_name, item.contact_phone, item.contact_email].filter(Boolean).join(" · ")}
                  {item.contact_address ? <div>{item.contact_address}</div> : null}
                  {item.contact_id_number ? <div>{item.contact_id_number}</div> : null}
                </>
              ) : (
                t("fb.detail.anonymous")
              )}
            </dd>
            {item.dossier_code || item.procedure_name ? (
              <>
                <dt>{t("fb.detail.related")}</dt>
                <dd>
                  {item.dossier_code ? <Link to={`/staff/dossiers/${item.dossier_code}`}>{item.dossier_code}</Link> : null}
                  {item.procedure_name ? <div>{item.procedure_name}</div> : null}
                </dd>
              </>
            ) : null}
            <dt>{t("feedback.status.received")}</dt>
            <dd>{formatDateTime(item.received_at)}</dd>
            {item.acceptance_due_at ? (
              <>
                <dt>{t("fb.detail.acceptanceDue")}</dt>
                <dd>
                  {formatDate(item.acceptance_due_at)}
                  {urgencyBadge(acceptanceUrgency)}
                </dd>
              </>
            ) : null}
            {item.resolution_due_at ? (
              <>
                <dt>{t("fb.detail.resolutionDue")}</dt>
                <dd>
                  {formatDate(item.resolution_due_at)}
                  {item.is_complex ? ` (${t("fb.detail.complex")})` : null}
                  {urgencyBadge(resolutionUrgency)}
                </dd>
              </>
            ) : null}
            {item.kind === "complaint" ? (
              <>
                <dt>{t(`clock.instance.${item.complaint_instance}`)}</dt>
                <dd>
                  {t("clock.knewOn")}: {item.knew_on ? formatDate(item.knew_on) : t("clock.knewOnUnknown")}
                </dd>
              </>
            ) : null}
            <dt>{t("inbox.col.assignee")}</dt>
            <dd>{item.assignee_name ?? "—"}</dd>
            {item.public_answer ? (
              <>
                <dt>{t("feedback.status.answer")}</dt>
                <dd className="preserve-lines">{item.public_answer}</dd>
              </>
            ) : null}
          </dl>
          <LegalClockList clocks={legalClocks} />
          {attachments.length > 0 ? (
            <>
              <h2>{t("fb.detail.attachments")}</h2>
              <ul>
                {attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/staff/feedback/attachments/${a.id}`}>{a.original_name}</a> ({a.mime}, {formatNumber(Math.ceil(a.size / 1024))} KB)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="dossier-actions" aria-labelledby="fb-actions">
          <h2 id="fb-actions">{t("dossier.actions")}</h2>
          {publicText ? (
            <p className={publicText.approvedAt ? "notice" : "notice notice--warning"}>
              {publicText.approvedAt ? t("fb.publicText.approved", { at: formatDateTime(publicText.approvedAt) }) : t("fb.publicText.pending")}
            </p>
          ) : null}
          {ops.map((op) => (
            <FeedbackActionForm
              key={op}
              op={op}
              lastResult={reply?.op === op ? reply.result : undefined}
              staff={staff}
              showComplex={item.kind === "complaint"}
              publicTextDraft={publicText?.text}
            />
          ))}
        </section>
      </div>
      <section aria-labelledby="fb-history" className="section">
        <h2 id="fb-history">{t("fb.detail.history")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "fb-history" })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dossier.col.at")}</th>
                <th scope="col">{t("dossier.col.step")}</th>
                <th scope="col">{t("dossier.col.by")}</th>
                <th scope="col">{t("dossier.col.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const key = `fb.event.${e.kind}`;
                const actionKey = `fb.action.${e.kind}`;
                return (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{isMessageKey(key) ? t(key) : isMessageKey(actionKey) ? t(actionKey) : e.kind}</td>
                    <td>{e.actor_name ?? (e.actor_kind === "citizen" ? t("audit.actor.citizen") : "—")}</td>
                    <td className="preserve-lines">
                      {e.public_text}
                      {e.internal_note ? (
                        <span className="internal-note">
                          {t("fb.detail.internal")}: {e.internal_note}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {outbox.length > 0 ? (
        <section aria-labelledby="fb-outbox" className="section">
          <h2 id="fb-outbox">{t("fb.detail.outbox")}</h2>
          <ul>
            {outbox.map((m) => (
              <li key={m.id}>
                {formatDateTime(m.created_at)} · {m.channel.toUpperCase()} {m.recipient} ·{" "}
                {m.status === "pending" ? t("fb.detail.outboxPending") : m.status}
                <div className="field-hint">{m.body}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, "inbox.title", { code: data?.item.code ?? "" });

export function ErrorBoundary() {
  return <ErrorPage />;
}
