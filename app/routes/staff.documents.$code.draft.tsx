import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { DocumentCodeSchema } from "~/domain/documents/document";
import { DraftSchema } from "~/domain/documents/schema";
import { useI18n } from "~/i18n/i18n-context";
import { createDraft, editDraft, getDocument } from "~/models/documents.server";
import { requireRole, type SessionUser } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesTo } from "~/domain/accounts/permissions";

async function load(user: SessionUser, codeParam: string | undefined) {
  const code = DocumentCodeSchema.safeParse(codeParam);
  const detail = code.success ? await getDocument(getDb(), user.unitId, code.data) : null;
  if (!detail) throw new Response("Not found", { status: 404 });
  const draft = detail.revisions.find((r) => r.state === "draft") ?? null;
  const pending = detail.revisions.find((r) => r.state === "in_review" || r.state === "approved") ?? null;
  const effective = detail.revisions.find((r) => r.state === "effective") ?? null;
  return { ...detail, draft, pending, effective };
}

/** The quality lead writes a new revision (from the effective one) or edits the current draft. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const { document, draft, pending, effective } = await load(user, params.code);
  if (pending) throw redirect(`/staff/documents/${document.code}`);
  const source = draft ?? effective;
  return {
    code: document.code,
    isNew: !draft,
    defaults: { title: source?.title ?? document.title, body: source?.body_md ?? "", reason: draft?.change_reason ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const { document, draft } = await load(user, params.code);
  const submission = parseWithZod(await request.formData(), { schema: DraftSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const actor = { kind: "user", userId: user.id } as const;
  const result = draft
    ? await editDraft(getDb(), actor, user.roles, user.unitId, draft.id, submission.value, businessDateOf(new Date()))
    : await createDraft(getDb(), actor, user.unitId, document.id, submission.value);
  if (!result.ok) return data(submission.reply({ formErrors: [result.error] }), { status: 409 });
  return redirect(`/staff/documents/${document.code}?done=draft`);
}

export default function DraftEditor() {
  const { code, isNew, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useI18n();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(DraftSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DraftSchema }),
  });
  return (
    <main id="main" className="page">
      <p>
        <Link to={`/staff/documents/${code}`}>← {code}</Link>
      </p>
      <h1>
        {code}: {isNew ? t("document.newRevision") : t("document.editDraft")}
      </h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field label={t("document.field.title")} htmlFor={fields.title.id} errorId={fields.title.errorId} errors={fields.title.errors}>
          <input {...getInputProps(fields.title, { type: "text" })} />
        </Field>
        <Field label={t("document.field.reason")} htmlFor={fields.reason.id} errorId={fields.reason.errorId} errors={fields.reason.errors}>
          <textarea {...getTextareaProps(fields.reason)} rows={2} />
        </Field>
        <Field label={t("document.field.body")} htmlFor={fields.body.id} errorId={fields.body.errorId} errors={fields.body.errors}>
          <textarea {...getTextareaProps(fields.body)} rows={24} className="markdown-editor" />
        </Field>
        <button type="submit" className="button">
          {t("document.saveDraft")}
        </button>
      </Form>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "document.newRevision");

export function ErrorBoundary() {
  return <ErrorPage />;
}
