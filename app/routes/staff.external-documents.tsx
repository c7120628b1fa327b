import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { BusinessDateSchema, optionalText, requiredText } from "~/domain/shared/fields";
import { useI18n } from "~/i18n/i18n-context";
import { listExternalDocuments, saveExternalDocument } from "~/models/external-documents.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { scrollRegion } from "~/components/scroll-region";

const ExternalDocumentSchema = z.object({
  number: requiredText(60),
  issuedDate: BusinessDateSchema,
  issuer: requiredText(200),
  title: requiredText(500),
  status: z.enum(["in_force", "replaced"]),
  replacedBy: optionalText(60),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/external-documents"));
  return { documents: await listExternalDocuments(getDb(), user.unitId), canEdit: may(user.roles, "keepQualitySystem") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const submission = parseWithZod(await request.formData(), { schema: ExternalDocumentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveExternalDocument(getDb(), { kind: "user", userId: user.id }, user.unitId, submission.value);
  return redirect("/staff/external-documents");
}

export default function ExternalDocuments() {
  const { documents, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t, formatDate } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { status: "in_force" },
    constraint: getZodConstraint(ExternalDocumentSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExternalDocumentSchema }),
  });
  return (
    <main id="main" className="page">
      <h1>{t("external.title")}</h1>
      <div className="table-scroll" {...scrollRegion({ label: t("external.title") })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("external.col.number")}</th>
              <th scope="col">{t("external.col.date")}</th>
              <th scope="col">{t("external.col.issuer")}</th>
              <th scope="col">{t("external.col.title")}</th>
              <th scope="col">{t("external.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td className="nowrap">{d.number}</td>
                <td className="nowrap">{formatDate(d.issued_date)}</td>
                <td>{d.issuer}</td>
                <td>{d.title}</td>
                <td>
                  {t(`external.status.${d.status}`)}
                  {d.replaced_by ? <div className="field-hint">{t("external.replacedBy", { by: d.replaced_by })}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <section aria-labelledby="external-add" className="section">
          <h2 id="external-add">{t("external.add")}</h2>
          <Form method="post" {...getFormProps(form)} className="filters">
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field label={t("external.col.number")} htmlFor={fields.number.id} errorId={fields.number.errorId} errors={fields.number.errors}>
              <input {...getInputProps(fields.number, { type: "text" })} />
            </Field>
            <Field label={t("external.col.date")} htmlFor={fields.issuedDate.id} errorId={fields.issuedDate.errorId} errors={fields.issuedDate.errors}>
              <input {...getInputProps(fields.issuedDate, { type: "date" })} />
            </Field>
            <Field label={t("external.col.issuer")} htmlFor={fields.issuer.id} errorId={fields.issuer.errorId} errors={fields.issuer.errors}>
              <input {...getInputProps(fields.issuer, { type: "text" })} />
            </Field>
            <Field label={t("external.col.title")} htmlFor={fields.title.id} errorId={fields.title.errorId} errors={fields.title.errors}>
              <input {...getInputProps(fields.title, { type: "text" })} />
            </Field>
            <Field label={t("external.col.status")} htmlFor={fields.status.id} errorId={fields.status.errorId} errors={fields.status.errors}>
              <select {...getSelectProps(fields.status)}>
                <option value="in_force">{t("external.status.in_force")}</option>
                <option value="replaced">{t("external.status.replaced")}</option>
              </select>
            </Field>
            <Field label={t("external.field.replacedBy")} htmlFor={fields.replacedBy.id} errorId={fields.replacedBy.errorId} errors={fields.replacedBy.errors}>
              <input {...getInputProps(fields.replacedBy, { type: "text" })} />
            </Field>
            <div className="filters__actions">
              <button type="submit" className="button">
                {t("external.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "external.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
