import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { rolesTo } from "~/domain/accounts/permissions";
import { CitizenDataQuerySchema } from "~/domain/shared/citizen-data";
import { useI18n } from "~/i18n/i18n-context";
import { findCitizenData, recordCitizenDataExport } from "~/models/personal-data.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

/**
 * A citizen's request for their data: the staff member handling it finds everything held by the
 * phone or ID number given, and downloads it as JSON (`?…&format=json`); each download is audited.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesTo("answerDataSubjectRequests"));
  const params = new URL(request.url).searchParams;
  if (!params.has("phone") && !params.has("idNumber")) return { lastResult: undefined, found: null };
  const submission = parseWithZod(params, { schema: CitizenDataQuerySchema });
  if (submission.status !== "success") return { lastResult: submission.reply(), found: null };
  const db = getDb();
  const data = await findCitizenData(db, user.unitId, submission.value);
  if (submission.value.format === "json") {
    await recordCitizenDataExport(db, { kind: "user", userId: user.id }, user.unitId, submission.value, data);
    return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), query: { by: submission.value.phone ? "phone" : "idNumber" }, ...data }, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="du-lieu-ca-nhan.json"',
        "Cache-Control": "no-store",
      },
    });
  }
  return { lastResult: undefined, found: { dossiers: data.dossiers.length, feedback: data.feedback.length } };
}

export default function PersonalData() {
  const { lastResult, found } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const [form, fields] = useForm<{ phone: string; idNumber: string }>({
    lastResult,
    defaultValue: { phone: searchParams.get("phone") ?? "", idNumber: searchParams.get("idNumber") ?? "" },
    shouldValidate: "onSubmit",
  });
  const download = new URLSearchParams(searchParams);
  download.set("format", "json");
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("personalData.title")}</h1>
      <p>{t("personalData.intro")}</p>
      <Form method="get" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("personalData.phone")} htmlFor={fields.phone.id} errorId={fields.phone.errorId} errors={fields.phone.errors}>
          <input {...getInputProps(fields.phone, { type: "tel" })} />
        </Field>
        <Field label={t("personalData.idNumber")} htmlFor={fields.idNumber.id} errorId={fields.idNumber.errorId} errors={fields.idNumber.errors}>
          <input {...getInputProps(fields.idNumber, { type: "text" })} inputMode="numeric" />
        </Field>
        <button type="submit" className="button">
          {t("personalData.search")}
        </button>
      </Form>
      {found ? (
        <section className="section" aria-live="polite">
          <p>{t("personalData.found", { dossiers: found.dossiers, feedback: found.feedback })}</p>
          <p>
            <a className="button button--secondary" href={`?${download}`} download>
              {t("personalData.download")}
            </a>
          </p>
        </section>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "personalData.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
