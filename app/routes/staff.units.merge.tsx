import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FieldErrors, FormErrors } from "~/components/form";
import { MergeUnitsSchema } from "~/domain/units/schema";
import { useI18n } from "~/i18n/i18n-context";
import { listUnits, MergeRefused, mergeUnits } from "~/models/units.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";

async function communes() {
  const units = await listUnits(getDb());
  return units.filter((u) => (u.kind === "commune" || u.kind === "ward") && !u.mergedOn).map((u) => ({ id: u.id, name: u.name }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, rolesFor("/staff/units"));
  return { units: await communes() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, rolesFor("/staff/units"));
  const submission = parseWithZod(await request.formData(), { schema: MergeUnitsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const result = await mergeUnits(getDb(), { ...submission.value, actor: { kind: "user", userId: admin.id } });
    const q = new URLSearchParams({ merged: "1", dossiers: String(result.dossiers), feedback: String(result.feedback), nonconformities: String(result.nonconformities) });
    return redirect(`/staff/units?${q.toString()}`);
  } catch (error) {
    if (!(error instanceof MergeRefused)) throw error;
    const message = error.reason === "already_merged" ? "units.error.alreadyMerged" : error.reason === "same_unit" ? "units.error.sameUnit" : "units.error.parent";
    return data(submission.reply({ fieldErrors: { predecessors: [message] } }), { status: 400 });
  }
}

export default function MergeUnits() {
  const { units } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MergeUnitsSchema }),
  });
  const names = new Map(units.map((u) => [String(u.id), u.name]));
  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/units">← {t("units.back")}</Link>
      </p>
      <h1>{t("units.merge")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <fieldset aria-describedby={fields.predecessors.errorId}>
          <legend>{t("units.field.predecessors")}</legend>
          {getCollectionProps(fields.predecessors, { type: "checkbox", options: units.map((u) => String(u.id)) }).map((props) => (
            <label key={props.key} className="checkbox">
              <input {...props} key={props.key} /> {names.get(props.value)}
            </label>
          ))}
          <FieldErrors id={fields.predecessors.errorId} errors={fields.predecessors.errors} />
        </fieldset>
        <Field label={t("units.field.successor")} htmlFor={fields.successor.id} errorId={fields.successor.errorId} errors={fields.successor.errors}>
          <select {...getSelectProps(fields.successor)}>
            {units.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("units.field.date")} htmlFor={fields.date.id} errorId={fields.date.errorId} errors={fields.date.errors}>
          <input {...getInputProps(fields.date, { type: "date" })} />
        </Field>
        <button type="submit" className="button">
          {t("units.doMerge")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "units.merge");

export function ErrorBoundary() {
  return <ErrorPage />;
}
