import { parseWithZod } from "@conform-to/zod/v4";
import { rolesTo } from "~/domain/accounts/permissions";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuditPlanForm } from "~/components/audit-plan-form";
import { ErrorPage } from "~/components/error-page";
import { AuditPlanSchema } from "~/domain/audits/schema";
import { getTranslator } from "~/i18n/language.server";
import { useI18n } from "~/i18n/i18n-context";
import { planAudit, planErrorMessages, planFormOptions } from "~/models/audits.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesTo("planAudits"));
  const t = await getTranslator(request);
  const today = businessDateOf(new Date());
  const options = await planFormOptions(getDb(), user.unitId);
  return {
    options,
    defaults: {
      title: t("audits.plan.default.title", { year: today.slice(0, 4) }),
      objectives: t("audits.plan.default.objectives"),
      criteria: t("audits.plan.default.criteria"),
      location: t("audits.plan.default.location"),
      isoClauses: "7.5, 8.2.1, 8.5.1, 9.1.2, 10.2",
      startDate: today,
      endDate: today,
      sampleFrom: `${today.slice(0, 4)}-01-01`,
      sampleTo: today,
      sampleSize: "10",
      leadUserId: options.candidates.some((c) => c.id === user.id) ? String(user.id) : "",
      processes: [] as string[],
      fields: [] as string[],
      memberUserIds: [] as string[],
      templateIds: [] as string[],
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("planAudits"));
  const submission = parseWithZod(await request.formData(), { schema: AuditPlanSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await planAudit(getDb(), { userId: user.id, name: user.displayName, roles: user.roles }, user.unitId, submission.value);
  if (result.ok) return redirect(`/staff/audits/${result.code}`);
  return data(submission.reply(planErrorMessages(result.errors, await getTranslator(request))), { status: 409 });
}

export default function PlanAudit() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("audits.plan.title")}</h1>
      <p>{t("audits.plan.intro")}</p>
      <AuditPlanForm options={options} defaults={defaults} lastResult={lastResult} submitLabel={t("audits.plan.submit")} />
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "audits.plan.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
