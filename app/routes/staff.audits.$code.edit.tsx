import { parseWithZod } from "@conform-to/zod/v4";
import { rolesTo } from "~/domain/accounts/permissions";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuditPlanForm } from "~/components/audit-plan-form";
import { ErrorPage } from "~/components/error-page";
import { AUDIT_CODE_PATTERN } from "~/domain/audits/audit";
import { AuditPlanSchema } from "~/domain/audits/schema";
import { getTranslator } from "~/i18n/language.server";
import { useI18n } from "~/i18n/i18n-context";
import { getAudit, planErrorMessages, planFormOptions, planOf, replanAudit } from "~/models/audits.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

/** Changing a planned audit, until its sample is drawn or it starts. */
async function loadPlanned(unitId: number, code: string | undefined) {
  const detail = code && AUDIT_CODE_PATTERN.test(code) ? await getAudit(getDb(), unitId, code) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  if (detail.audit.state !== "planned" || detail.audit.sampleSeed !== null) throw redirect(`/staff/audits/${detail.audit.code}`);
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesTo("planAudits"));
  const detail = await loadPlanned(user.unitId, params.code);
  const options = await planFormOptions(getDb(), user.unitId);
  const usedTemplates = new Set(detail.questions.map((q) => q.templateCode));
  const plan = planOf(
    detail,
    options.templates.filter((tpl) => usedTemplates.has(tpl.code)).map((tpl) => tpl.id),
  );
  return {
    code: detail.audit.code,
    options,
    defaults: {
      ...plan,
      sampleSize: String(plan.sampleSize),
      leadUserId: String(plan.leadUserId),
      memberUserIds: plan.memberUserIds.map(String),
      templateIds: plan.templateIds.map(String),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("planAudits"));
  const detail = await loadPlanned(user.unitId, params.code);
  const submission = parseWithZod(await request.formData(), { schema: AuditPlanSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await replanAudit(getDb(), { userId: user.id, name: user.displayName, roles: user.roles }, user.unitId, detail.audit.code, submission.value);
  if (result.ok) return redirect(`/staff/audits/${result.code}?done=replanned`);
  return data(submission.reply(planErrorMessages(result.errors, await getTranslator(request))), { status: 409 });
}

export default function ChangeAuditPlan() {
  const { code, options, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("audits.edit.title", { code })}</h1>
      <p>{t("audits.edit.intro")}</p>
      <AuditPlanForm options={options} defaults={defaults} lastResult={lastResult} submitLabel={t("audits.edit.submit")} />
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, "audits.edit.title", { code: data?.code ?? "" });

export function ErrorBoundary() {
  return <ErrorPage />;
}
