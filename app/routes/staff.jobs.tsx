import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { FormErrors } from "~/components/form";
import type { Translate } from "~/i18n";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { JOBS } from "~/jobs/index.server";
import { getJobRunner } from "~/jobs/process.server";
import { listJobStatus, recordJobRunRequest } from "~/models/jobs.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { pageMeta } from "~/utils/meta";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { jobs: await listJobStatus(getDb(), JOBS), jobsEnabled: getEnv().JOBS_ENABLED === "true" };
}

const RunNowSchema = z.object({ intent: z.literal("run"), name: z.string().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: RunNowSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const name = submission.value.name;
  if (!JOBS.some((j) => j.name === name)) {
    return data({ result: submission.reply({ formErrors: ["jobs.error.unknown"] }) }, { status: 400 });
  }
  const db = getDb();
  const outcome = await getJobRunner(db).runNow(name);
  await recordJobRunRequest(db, { kind: "user", userId: admin.id }, admin.unitId, outcome);
  return redirect(`/staff/jobs?job=${encodeURIComponent(name)}&outcome=${outcome.status}`);
}

function jobLabel(t: Translate, name: string) {
  const key = `jobs.name.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

function intervalLabel(t: Translate, ms: number) {
  const minutes = Math.round(ms / 60_000);
  return minutes % 60 === 0 ? t("jobs.hours", { n: minutes / 60 }) : t("jobs.minutes", { n: minutes });
}

export default function Jobs() {
  const { jobs, jobsEnabled } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatDateTime, formatNumber } = useI18n();
  const ranJob = params.get("job");
  const outcome = params.get("outcome");
  const notice =
    ranJob && outcome
      ? outcome === "ran"
        ? t("jobs.ran", { job: jobLabel(t, ranJob) })
        : outcome === "failed"
          ? t("jobs.ranFailed", { job: jobLabel(t, ranJob) })
          : t("jobs.skipped", { job: jobLabel(t, ranJob) })
      : null;
  const formErrors = reply?.result.error?.[""] ?? undefined;
  return (
    <main id="main" className="page">
      <h1>{t("jobs.title")}</h1>
      <p className="lead">{t("jobs.intro")}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {jobsEnabled ? null : <p className="notice">{t("jobs.disabledHere")}</p>}
      <FormErrors id="jobs-errors" errors={formErrors} />
      <div className="table-scroll" {...scrollRegion({ label: t("jobs.title") })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("jobs.col.job")}</th>
              <th scope="col">{t("jobs.col.interval")}</th>
              <th scope="col">{t("jobs.col.lastRun")}</th>
              <th scope="col">{t("jobs.col.duration")}</th>
              <th scope="col">{t("jobs.col.outcome")}</th>
              <th scope="col">{t("jobs.col.heldBy")}</th>
              <th scope="col">{t("jobs.col.runs")}</th>
              <th scope="col">{t("jobs.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name} data-job={job.name}>
                <th scope="row">
                  {jobLabel(t, job.name)}
                  <br />
                  <code>{job.name}</code>
                </th>
                <td>{intervalLabel(t, job.intervalMs)}</td>
                <td>{job.lastStartedAt ? formatDateTime(job.lastStartedAt) : t("jobs.never")}</td>
                <td>{job.lastDurationMs === null ? "—" : t("jobs.durationMs", { n: formatNumber(job.lastDurationMs) })}</td>
                <td>
                  {job.running ? (
                    <span className="badge">{t("jobs.running")}</span>
                  ) : job.lastFinishedAt === null ? (
                    "—"
                  ) : job.lastError ? (
                    <span className="badge badge--danger">{t("jobs.failed", { error: job.lastError })}</span>
                  ) : (
                    <span className="badge badge--ok">{t("jobs.ok")}</span>
                  )}
                </td>
                <td>
                  {job.running && job.heldBy ? t("jobs.heldNow", { holder: job.heldBy }) : job.lastHeldBy ? t("jobs.lastBy", { holder: job.lastHeldBy }) : "—"}
                </td>
                <td>{t("jobs.runsCount", { runs: formatNumber(job.runs), failures: formatNumber(job.failures) })}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="run" />
                    <input type="hidden" name="name" value={job.name} />
                    <button type="submit" className="button button--secondary" disabled={job.running}>
                      {t("jobs.runNow")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "jobs.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
