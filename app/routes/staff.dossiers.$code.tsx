import type { SubmissionResult } from "@conform-to/react";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CompetenceGapText } from "~/components/competence/competence-gap";
import { DossierActionForm } from "~/components/dossier-action-form";
import { DossierActions } from "~/components/dossiers/dossier-actions";
import { isOverdue, wasLateWhenStopped } from "~/domain/calendar/due-date";
import { ErrorPage } from "~/components/error-page";
import { allowedActions, type DossierAction } from "~/domain/dossiers/lifecycle";
import { ENDING_ACTIONS, nextStep } from "~/domain/dossiers/next-step";
import { DossierActionSchema, type DossierActionInput } from "~/domain/dossiers/schema";
import { DossierCodeSchema } from "~/domain/shared/fields";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import {
  applyDossierAction,
  dossierFacts,
  getDossierDetail,
  getDueContext,
  listHandlers,
} from "~/models/dossiers.server";
import { ruleSetVersionOfDossier } from "~/models/rule-sets.server";
import { listHandlerCompetenceGaps } from "~/models/competence.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { businessDateOf, toLocalDateTimeInput } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

const VIEW_ROLES = rolesFor("/staff/dossiers");

async function loadDetail(user: SessionUser, codeParam: string | undefined) {
  const code = DossierCodeSchema.safeParse(codeParam);
  const detail = code.success ? await getDossierDetail(getDb(), user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, VIEW_ROLES);
  const { dossier, events } = await loadDetail(user, params.code);
  const now = new Date();
  const canAct = may(user.roles, "handleDossiers");
  const facts = dossierFacts(dossier);
  const handlers = canAct ? await listHandlers(getDb(), user.unitId) : [];
  const competenceGaps = await listHandlerCompetenceGaps(
    getDb(),
    user.unitId,
    dossier.procedure_field,
    [...new Set([...handlers.map((h) => h.id), ...(dossier.handler_user_id === null ? [] : [dossier.handler_user_id])])],
    businessDateOf(now),
  );
  const actions = canAct ? allowedActions(facts, now) : [];
  const step = nextStep(facts, now);
  const primary = step && actions.includes(step) ? step : null;
  return {
    dossier,
    events,
    ruleSet: await ruleSetVersionOfDossier(getDb(), dossier),
    primary,
    otherActions: actions.filter((op) => op !== primary && !ENDING_ACTIONS.includes(op)),
    endingActions: actions.filter((op) => op !== primary && ENDING_ACTIONS.includes(op)),
    overdue: ["received", "in_progress"].includes(dossier.state) && isOverdue({ dueAt: facts.dueAt, now }),
    handlers,
    /** Staff who lack a competence this dossier's field or their role requires (issue 18): warned at assignment, not refused. */
    competenceGaps,
    openTransferAgency: dossier.open_transfer_count > 0 ? (events.findLast((e) => e.kind === "transfer")?.agency ?? "") : "",
    defaultAppointment: toLocalDateTimeInput(new Date(Math.max(now.getTime(), facts.dueAt.getTime()) + 2 * 86_400_000)),
  };
}

function toDossierAction(input: DossierActionInput): DossierAction {
  switch (input.op) {
    case "assign":
      return { type: "assign", handlerUserId: input.handlerUserId };
    case "transfer":
    case "transfer_back":
      return { type: input.op, agency: input.agency, electronic: input.electronic, ...(input.counterpartName ? { counterpartName: input.counterpartName } : {}) };
    case "request_supplement":
      return { type: "request_supplement", missingItems: input.missingItems, reason: input.reason };
    case "issue_apology":
      return { type: "issue_apology", reason: input.reason, newAppointmentAt: input.newAppointmentAt };
    case "refuse":
    case "withdraw":
      return { type: input.op, reason: input.reason };
    case "mark_result_ready":
      return { type: "mark_result_ready", resultDigitised: input.resultDigitised === 1 };
    case "return_result":
      return input.returnMethod ? { type: "return_result", returnMethod: input.returnMethod } : { type: "return_result" };
    case "receive_supplement":
      return { type: input.op };
  }
}

type ActionReply = { op: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("handleDossiers"));
  const { dossier } = await loadDetail(user, params.code);
  const db = getDb();
  const formData = await request.formData();
  const op = String(formData.get("op") ?? "");
  const handlers = await listHandlers(db, user.unitId);
  const submission = parseWithZod(formData, {
    schema: DossierActionSchema.superRefine((value, ctx) => {
      if (value.op === "assign" && !handlers.some((h) => h.id === value.handlerUserId)) {
        ctx.addIssue({ code: "custom", path: ["handlerUserId"], message: "error.invalid" });
      }
    }),
  });
  if (submission.status !== "success") {
    return data<ActionReply>({ op, result: submission.reply() }, { status: 400 });
  }
  const outcome = await applyDossierAction(
    db,
    { kind: "user", userId: user.id },
    await getDueContext(db, user.unitId),
    dossier.id,
    toDossierAction(submission.value),
  );
  if (!outcome.ok) {
    return data<ActionReply>({ op, result: submission.reply({ formErrors: [outcome.error] }) }, { status: 409 });
  }
  return redirect(`/staff/dossiers/${dossier.code}?done=${submission.value.op}`);
}

export default function DossierPage() {
  const { dossier: d, events, ruleSet, primary, otherActions, endingActions, overdue, handlers, competenceGaps, defaultAppointment, openTransferAgency } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, formatDateTime } = useI18n();
  const field = t(`procedureField.${d.procedure_field}`);
  const handlerGap = competenceGaps.find((g) => g.userId === d.handler_user_id);
  const notice = searchParams.has("received")
    ? t("intake.received", { code: d.code })
    : searchParams.has("done")
      ? t("dossier.done")
      : null;
  const slips: Array<[string, string, boolean]> = [
    ["receipt", t("dossier.slip.receipt"), true],
    ["supplement", t("dossier.slip.supplement"), d.supplement_count > 0],
    ["refusal", t("dossier.slip.refusal"), d.state === "refused"],
    ["apology", t("dossier.slip.apology"), d.apology_issued_at !== null],
    ["control-slip", t("dossier.slip.controlSlip"), true],
  ];
  return (
    <main id="main" className="page">
      <p>
        <Link to="/staff/dossiers">← {t("nav.dossiers")}</Link>
      </p>
      <h1>{t("dossier.title", { code: d.code })}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {overdue ? (
        <p className="notice notice--warning" role="alert">
          {t("dossier.overdueWarning")}
        </p>
      ) : null}
      <div className="dossier-layout">
        <section aria-labelledby="facts-title">
          <h2 id="facts-title" className="visually-hidden">
            {t("dossier.title", { code: d.code })}
          </h2>
          <dl className="facts">
            <dt>{t("dossier.state")}</dt>
            <dd>
              <span className={`badge badge--state-${d.state}`}>{t(`dossier.state.${d.state}`)}</span>
            </dd>
            <dt>{t("dossier.procedure")}</dt>
            <dd>
              {d.procedure_name} ({d.procedure_code})
            </dd>
            <dt>{t("dossier.applicant")}</dt>
            <dd>{d.applicant_name}</dd>
            <dt>{t("dossier.phone")}</dt>
            <dd>{d.applicant_phone ?? "—"}</dd>
            {d.applicant_id_number ? (
              <>
                <dt>{t("dossier.idNumber")}</dt>
                <dd>{d.applicant_id_number}</dd>
              </>
            ) : null}
            <dt>{t("dossier.address")}</dt>
            <dd>{d.applicant_address ?? "—"}</dd>
            <dt>{t("dossier.channel")}</dt>
            <dd>{t(`channel.${d.channel}`)}</dd>
            <dt>{t("dossier.receivedAt")}</dt>
            <dd>{formatDateTime(d.received_at)}</dd>
            <dt>{t("dossier.dueAt")}</dt>
            <dd>
              {d.clock_stopped_at && !wasLateWhenStopped(d.due_date, d.clock_stopped_at)
                ? t("figures.clockStopped", { since: formatDateTime(d.clock_stopped_at) })
                : formatDateTime(d.due_at)}
            </dd>
            {d.appointment_at ? (
              <>
                <dt>{t("dossier.appointmentAt")}</dt>
                <dd>{formatDateTime(d.appointment_at)}</dd>
              </>
            ) : null}
            <dt>{t("dossier.handler")}</dt>
            <dd>
              {d.handler_name ?? "—"}
              {handlerGap && d.handler_name ? (
                <span className="competence-warning" role="note" data-testid="handler-competence-warning">
                  <CompetenceGapText name={d.handler_name} field={field} missing={handlerGap.missing} at="handler" />
                </span>
              ) : null}
            </dd>
            {d.outcome ? (
              <>
                <dt>{t("dossier.outcome")}</dt>
                <dd>{t(`outcome.${d.outcome}`)}</dd>
              </>
            ) : null}
            <dt>{t("serviceFacts.paymentMethod")}</dt>
            <dd>{d.payment_method ? t(`paymentMethod.${d.payment_method}`) : t("serviceFacts.notRecorded")}</dd>
            <dt>{t("serviceFacts.returnMethod")}</dt>
            <dd>{d.return_method ? t(`returnMethod.${d.return_method}`) : t("serviceFacts.notRecorded")}</dd>
            <dt>{t("figures.digitised")}</dt>
            <dd>
              {[
                d.papers_digitised === null ? null : t(d.papers_digitised ? "figures.papersDigitisedYes" : "figures.papersDigitisedNo"),
                d.result_digitised === null ? null : t(d.result_digitised ? "figures.resultDigitisedYes" : "figures.resultDigitisedNo"),
              ]
                .filter(Boolean)
                .join("; ") || t("serviceFacts.notRecorded")}
            </dd>
            <dt>{t("dossier.ruleSet")}</dt>
            <dd>
              {ruleSet.decree}; {ruleSet.circular}
            </dd>
          </dl>
          <h2>{t("dossier.documents")}</h2>
          <ul>
            {d.documents.map((doc) => (
              <li key={doc.name}>{doc.name}</li>
            ))}
          </ul>
          <h2>{t("dossier.slips")}</h2>
          <ul>
            {slips
              .filter(([, , available]) => available)
              .map(([slug, label]) => (
                <li key={slug}>
                  <a href={`/staff/dossiers/${d.code}/slips/${slug}.pdf`}>
                    {label} (PDF)
                  </a>
                </li>
              ))}
          </ul>
        </section>
        <DossierActions
          primary={primary}
          others={otherActions}
          ending={endingActions}
          form={(op, variant) => (
            <DossierActionForm
              key={op}
              op={op}
              variant={variant}
              lastResult={reply?.op === op ? reply.result : undefined}
              handlers={handlers}
              competenceGaps={op === "assign" ? { gaps: competenceGaps, field } : undefined}
              defaultAppointment={defaultAppointment}
              defaultAgency={op === "transfer_back" ? openTransferAgency : ""}
              defaultReturnMethod={d.return_method}
            />
          )}
          failedOp={reply?.op}
        />
      </div>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("dossier.history")}</h2>
        <div className="table-scroll" {...scrollRegion({ labelledBy: "history-title" })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("dossier.col.step")}</th>
                <th scope="col">{t("dossier.col.at")}</th>
                <th scope="col">{t("dossier.col.by")}</th>
                <th scope="col">{t("dossier.col.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const key = `dossier.event.${e.kind}`;
                return (
                  <tr key={e.id}>
                    <td>{isMessageKey(key) ? t(key) : e.kind}</td>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{e.actor_name ?? "—"}</td>
                    <td>
                      {[e.agency, e.is_electronic === null ? null : e.is_electronic ? "⚡" : null, e.note]
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, "dossier.title", { code: data?.dossier.code ?? "" });

export function ErrorBoundary() {
  return <ErrorPage />;
}

