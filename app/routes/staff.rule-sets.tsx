import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { formsOfInput, RuleSetVersionSchema, slipsOfLayout } from "~/domain/dossiers/rule-set-schema";
import { FORM_KEYS, RULE_SETS, type TimelineProblem } from "~/domain/dossiers/rule-sets";
import { useI18n } from "~/i18n/i18n-context";
import { addRuleSetVersion, listRuleSetVersions } from "~/models/rule-sets.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/rule-sets"));
  return { versions: await listRuleSetVersions(getDb()), canEdit: may(user.roles, "keepQualitySystem") };
}

type Refusal = TimelineProblem | { kind: "duplicate" } | { kind: "dossiers_after"; last: string };

interface ActionReply {
  result: SubmissionResult<string[]>;
  refusals: Refusal[];
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const submission = parseWithZod(await request.formData(), { schema: RuleSetVersionSchema });
  if (submission.status !== "success") return data<ActionReply>({ result: submission.reply(), refusals: [] }, { status: 400 });
  const value = submission.value;
  const outcome = await addRuleSetVersion(getDb(), { kind: "user", userId: user.id }, {
    code: value.code,
    layout: value.layout,
    decree: value.decree,
    circular: value.circular,
    effectiveFrom: value.effectiveFrom,
    effectiveTo: value.effectiveTo ?? null,
    deskName: value.deskName,
    forms: formsOfInput(value),
    slips: slipsOfLayout(value.layout),
    note: value.note ?? null,
  });
  if (outcome.ok) return redirect(`/staff/rule-sets?saved=${encodeURIComponent(value.code)}`);
  const refusals: Refusal[] =
    "problems" in outcome
      ? outcome.problems
      : "duplicateCode" in outcome
        ? [{ kind: "duplicate" }]
        : [{ kind: "dossiers_after", last: outcome.dossiersAfter }];
  return data<ActionReply>({ result: submission.reply(), refusals }, { status: 409 });
}

export default function RuleSets() {
  const { versions, canEdit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, formatDate } = useI18n();
  const current = versions.at(-1);
  const [form, fields] = useForm({
    lastResult: reply?.result,
    defaultValue: current
      ? {
          layout: current.layout,
          decree: current.decree,
          circular: current.circular,
          deskName: current.deskName,
          ...Object.fromEntries(
            FORM_KEYS.flatMap((key) => [
              [`${key}Number`, current.forms[key]?.number ?? ""],
              [`${key}Title`, current.forms[key]?.title ?? ""],
            ]),
          ),
        }
      : undefined,
    constraint: getZodConstraint(RuleSetVersionSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RuleSetVersionSchema }),
  });
  const saved = params.get("saved");
  const refusalText = (r: Refusal): string => {
    switch (r.kind) {
      case "overlap":
        return r.to === null
          ? t("ruleSets.error.overlapOpen", { a: r.codes[0], b: r.codes[1], from: formatDate(r.from) })
          : t("ruleSets.error.overlap", { a: r.codes[0], b: r.codes[1], from: formatDate(r.from), to: formatDate(r.to) });
      case "gap":
        return t("ruleSets.error.gap", { from: formatDate(r.from), to: formatDate(r.to) });
      case "open_end":
        return t("ruleSets.error.openEnd", { after: formatDate(r.after) });
      case "reversed":
        return t("ruleSets.error.reversed", { other: r.code, from: formatDate(r.from), to: formatDate(r.to) });
      case "duplicate":
        return t("ruleSets.error.duplicate");
      case "dossiers_after":
        return t("ruleSets.error.dossiersAfter", { last: formatDate(r.last) });
    }
  };
  const text = (name: keyof typeof fields, label: string) => {
    const f = fields[name];
    return (
      <Field key={String(name)} label={label} htmlFor={f.id} errorId={f.errorId} errors={f.errors}>
        <input {...getInputProps(f, { type: "text" })} />
      </Field>
    );
  };
  return (
    <main id="main" className="page">
      <h1>{t("ruleSets.title")}</h1>
      <p>{t("ruleSets.intro")}</p>
      {saved ? (
        <p role="status" className="notice">
          {t("ruleSets.saved", { code: saved })}
        </p>
      ) : null}
      <div className="table-scroll" {...scrollRegion({ label: t("ruleSets.title") })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("ruleSets.col.code")}</th>
              <th scope="col">{t("ruleSets.col.basis")}</th>
              <th scope="col">{t("ruleSets.col.from")}</th>
              <th scope="col">{t("ruleSets.col.to")}</th>
              <th scope="col">{t("ruleSets.col.desk")}</th>
              <th scope="col">{t("ruleSets.col.forms")}</th>
              <th scope="col">{t("ruleSets.col.checks")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td className="nowrap">{v.code}</td>
                <td>
                  {v.decree}; {v.circular}
                </td>
                <td className="nowrap">{formatDate(v.effectiveFrom)}</td>
                <td className="nowrap">{v.effectiveTo ? formatDate(v.effectiveTo) : t("ruleSets.open")}</td>
                <td>{v.deskName}</td>
                <td>
                  <ul className="plain-list">
                    {FORM_KEYS.filter((k) => v.forms[k]).map((k) => (
                      <li key={k}>
                        {v.forms[k]!.number}: {v.forms[k]!.title}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{v.checks.length > 0 ? v.checks.join(", ") : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <section aria-labelledby="rule-set-add" className="section">
          <h2 id="rule-set-add">{t("ruleSets.add")}</h2>
          <Form method="post" {...getFormProps(form)} className="filters">
            <FormErrors id={form.errorId} errors={form.errors} />
            {reply && reply.refusals.length > 0 ? (
              <div className="form-errors" role="alert" id="rule-set-refusals">
                {reply.refusals.map((r, i) => (
                  <p key={i}>{refusalText(r)}</p>
                ))}
              </div>
            ) : null}
            {text("code", t("ruleSets.field.code"))}
            <Field label={t("ruleSets.field.layout")} htmlFor={fields.layout.id} errorId={fields.layout.errorId} errors={fields.layout.errors}>
              <select {...getSelectProps(fields.layout)}>
                {RULE_SETS.map((r) => (
                  <option key={r.code} value={r.code}>
                    {t(`ruleSets.layout.${r.code}`)}
                  </option>
                ))}
              </select>
            </Field>
            {text("decree", t("ruleSets.field.decree"))}
            {text("circular", t("ruleSets.field.circular"))}
            <Field label={t("ruleSets.field.effectiveFrom")} htmlFor={fields.effectiveFrom.id} errorId={fields.effectiveFrom.errorId} errors={fields.effectiveFrom.errors}>
              <input {...getInputProps(fields.effectiveFrom, { type: "date" })} />
            </Field>
            <Field label={t("ruleSets.field.effectiveTo")} htmlFor={fields.effectiveTo.id} errorId={fields.effectiveTo.errorId} errors={fields.effectiveTo.errors}>
              <input {...getInputProps(fields.effectiveTo, { type: "date" })} />
            </Field>
            {text("deskName", t("ruleSets.field.deskName"))}
            {FORM_KEYS.flatMap((key) => [
              text(`${key}Number`, t("ruleSets.field.number", { form: t(`ruleSets.form.${key}`) })),
              text(`${key}Title`, t("ruleSets.field.formTitle", { form: t(`ruleSets.form.${key}`) })),
            ])}
            <Field label={t("ruleSets.field.note")} htmlFor={fields.note.id} errorId={fields.note.errorId} errors={fields.note.errors}>
              <textarea {...getTextareaProps(fields.note)} rows={2} />
            </Field>
            <p className="field-hint">{t("ruleSets.clocksNote")}</p>
            <div className="filters__actions">
              <button type="submit" className="button">
                {t("ruleSets.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "ruleSets.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
