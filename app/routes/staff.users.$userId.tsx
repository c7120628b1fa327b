import { getCollectionProps, getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { Field, FieldErrors, FormErrors } from "~/components/form";
import { fieldLabel } from "~/components/procedure-facts";
import { RoleCheckboxes } from "~/components/role-checkboxes";
import { UnitSelect } from "~/components/unit-select";
import { EditUserSchema, ResetPasswordSchema } from "~/domain/accounts/schema";
import { WorkAreasFormSchema } from "~/domain/audits/work-areas-schema";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import { listProcessDocuments } from "~/models/documents.server";
import { listVisibleUnits } from "~/models/dashboard.server";
import { listAssignableUnits } from "~/models/units.server";
import { getUser, resetPassword, updateUser } from "~/models/users.server";
import { getWorkAreas, setWorkAreas } from "~/models/work-areas.server";
import { fieldCompetenceGaps } from "~/models/competence.server";
import { businessDateOf } from "~/utils/clock";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { hashPassword } from "~/utils/password.server";

const ParamsSchema = z.object({ userId: z.coerce.number().int().positive() });

/** A user of the admin's unit or of a unit it covers (issue 14), with the units the user may be moved to. */
async function loadTarget(params: unknown, adminUnitId: number) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const db = getDb();
  const user = await getUser(db, parsed.data.userId);
  const units = await listAssignableUnits(db, adminUnitId, businessDateOf(new Date()));
  if (!user || !(await listVisibleUnits(db, adminUnitId)).some((u) => u.id === user.unitId)) throw new Response("Not found", { status: 404 });
  return { user, units };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { user, units } = await loadTarget(params, admin.unitId);
  // Issue 18: the field assignment warns when the handler lacks a field's required competence.
  const competenceGaps = await fieldCompetenceGaps(getDb(), user.unitId, user.id, businessDateOf(new Date()));
  return { user, units, competenceGaps, ...(await loadWorkAreas(user.unitId, user.id)) };
}

/**
 * The user's work areas and the processes they can be chosen from: the register's procedures,
 * and any process the user already has that has since left the register.
 */
async function loadWorkAreas(unitId: number, userId: number) {
  const db = getDb();
  const workAreas = (await getWorkAreas(db, [userId])).get(userId) ?? { fields: [], processes: [] };
  const register = await listProcessDocuments(db, unitId);
  const known = new Set(register.map((p) => p.code));
  const processOptions = [
    ...register.map((p) => ({ ...p, inRegister: true })),
    ...workAreas.processes.filter((c) => !known.has(c)).map((code) => ({ code, title: code, inRegister: false })),
  ];
  return { workAreas: { fields: [...workAreas.fields], processes: [...workAreas.processes] }, processOptions };
}

type ActionReply = { intent: "edit" | "reset" | "workAreas"; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { user, units } = await loadTarget(params, admin.unitId);
  const formData = await request.formData();
  const actor = { kind: "user", userId: admin.id } as const;

  if (formData.get("intent") === "workAreas") {
    const { processOptions } = await loadWorkAreas(user.unitId, user.id);
    const allowed = new Set(processOptions.map((p) => p.code));
    const submission = parseWithZod(formData, {
      schema: WorkAreasFormSchema.superRefine((value, ctx) => {
        if (value.processes.some((c) => !allowed.has(c))) {
          ctx.addIssue({ code: "custom", path: ["processes"], message: "users.workAreas.error.unknownProcess" });
        }
      }),
    });
    if (submission.status !== "success") {
      return data<ActionReply>({ intent: "workAreas", result: submission.reply() }, { status: 400 });
    }
    await setWorkAreas(getDb(), actor, user.unitId, user.id, submission.value);
    return redirect(`/staff/users/${user.id}?workAreasSaved=1`);
  }

  if (formData.get("intent") === "reset") {
    const submission = parseWithZod(formData, { schema: ResetPasswordSchema });
    if (submission.status !== "success") {
      return data<ActionReply>({ intent: "reset", result: submission.reply({ hideFields: ["newPassword"] }) }, { status: 400 });
    }
    await resetPassword(getDb(), actor, user.id, await hashPassword(submission.value.newPassword));
    return redirect(`/staff/users/${user.id}?reset=1`);
  }

  const submission = parseWithZod(formData, {
    schema: EditUserSchema.superRefine((value, ctx) => {
      if (value.unitId !== undefined && value.unitId !== user.unitId && !units.some((u) => u.id === value.unitId)) {
        ctx.addIssue({ code: "custom", path: ["unitId"], message: "users.error.unit" });
      }
    }),
  });
  if (submission.status !== "success") {
    return data<ActionReply>({ intent: "edit", result: submission.reply() }, { status: 400 });
  }
  const isSelf = user.id === admin.id;
  const movesSelf = submission.value.unitId !== undefined && submission.value.unitId !== user.unitId;
  if (isSelf && (submission.value.disabled || !submission.value.roles.includes("admin") || movesSelf)) {
    return data<ActionReply>(
      { intent: "edit", result: submission.reply({ formErrors: ["error.cannotLockOutSelf"] }) },
      { status: 400 },
    );
  }
  await updateUser(getDb(), actor, user.id, submission.value);
  return redirect(`/staff/users/${user.id}?saved=1`);
}

export default function EditUser() {
  const { user, units, workAreas, processOptions, competenceGaps } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();

  const [editForm, editFields] = useForm({
    id: "edit-user",
    lastResult: reply?.intent === "edit" ? reply.result : undefined,
    defaultValue: {
      unitId: String(user.unitId),
      displayName: user.displayName,
      email: user.email ?? "",
      roles: user.roles,
      disabled: user.isDisabled ? "on" : undefined,
    },
    constraint: getZodConstraint(EditUserSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditUserSchema }),
  });
  const [resetForm, resetFields] = useForm({
    id: "reset-password",
    lastResult: reply?.intent === "reset" ? reply.result : undefined,
    constraint: getZodConstraint(ResetPasswordSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });

  const [areasForm, areasFields] = useForm({
    id: "work-areas",
    lastResult: reply?.intent === "workAreas" ? reply.result : undefined,
    defaultValue: workAreas,
    constraint: getZodConstraint(WorkAreasFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WorkAreasFormSchema }),
  });

  const notice = searchParams.has("created")
    ? t("users.created", { username: user.username })
    : searchParams.has("saved")
      ? t("users.saved")
      : searchParams.has("reset")
        ? t("users.resetDone")
        : searchParams.has("workAreasSaved")
          ? t("users.workAreas.saved")
          : null;

  return (
    <main id="main" className="page page--narrow">
      <p>
        <Link to="/staff/users">← {t("users.back")}</Link>
      </p>
      <h1>{t("users.editTitle", { username: user.username })}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {competenceGaps.map((field) => (
        <p key={field} className="notice notice--warning" role="status" data-testid="competence-warning">
          {t("competence.warn.fieldCompetence", { name: user.displayName, field: t(`procedureField.${field}` as MessageKey) })}
        </p>
      ))}
      <Form method="post" {...getFormProps(editForm)} className="stack">
        <input type="hidden" name="intent" value="edit" />
        <FormErrors id={editForm.errorId} errors={editForm.errors} />
        <Field
          label={t("users.field.displayName")}
          htmlFor={editFields.displayName.id}
          errorId={editFields.displayName.errorId}
          errors={editFields.displayName.errors}
        >
          <input {...getInputProps(editFields.displayName, { type: "text" })} />
        </Field>
        <Field
          label={t("users.field.email")}
          htmlFor={editFields.email.id}
          errorId={editFields.email.errorId}
          errors={editFields.email.errors}
        >
          <input {...getInputProps(editFields.email, { type: "email" })} />
        </Field>
        <UnitSelect field={editFields.unitId} units={units.some((u) => u.id === user.unitId) ? units : [{ id: user.unitId, name: "—" }, ...units]} />
        <RoleCheckboxes field={editFields.roles} />
        <label className="checkbox">
          <input {...getInputProps(editFields.disabled, { type: "checkbox" })} />
          {t("users.field.disabled")}
        </label>
        <button type="submit" className="button">
          {t("users.save")}
        </button>
      </Form>

      <section aria-labelledby="reset-title" className="section">
        <h2 id="reset-title">{t("users.resetTitle")}</h2>
        <p className="field-hint">{t("users.resetHint")}</p>
        <Form method="post" {...getFormProps(resetForm)} className="stack">
          <input type="hidden" name="intent" value="reset" />
          <FormErrors id={resetForm.errorId} errors={resetForm.errors} />
          <Field
            label={t("users.field.newPassword")}
            htmlFor={resetFields.newPassword.id}
            errorId={resetFields.newPassword.errorId}
            errors={resetFields.newPassword.errors}
          >
            <input {...getInputProps(resetFields.newPassword, { type: "password" })} autoComplete="new-password" />
          </Field>
          <button type="submit" className="button button--secondary">
            {t("users.reset")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="work-areas-title" className="section">
        <h2 id="work-areas-title">{t("users.workAreas.title")}</h2>
        <p className="field-hint">{t("users.workAreas.hint")}</p>
        <Form method="post" {...getFormProps(areasForm)} className="stack">
          <input type="hidden" name="intent" value="workAreas" />
          <FormErrors id={areasForm.errorId} errors={areasForm.errors} />
          <fieldset className={areasFields.fields.errors?.length ? "field field--invalid" : "field"}>
            <legend>{t("users.workAreas.fields")}</legend>
            {getCollectionProps(areasFields.fields, { type: "checkbox", options: [...PROCEDURE_FIELDS] }).map((props) => (
              <label key={props.key} className="checkbox">
                <input {...props} key={props.key} />
                {fieldLabel(t, props.value as (typeof PROCEDURE_FIELDS)[number])}
              </label>
            ))}
            <FieldErrors id={areasFields.fields.errorId} errors={areasFields.fields.errors} />
          </fieldset>
          <fieldset className={areasFields.processes.errors?.length ? "field field--invalid" : "field"}>
            <legend>{t("users.workAreas.processes")}</legend>
            {getCollectionProps(areasFields.processes, { type: "checkbox", options: processOptions.map((p) => p.code) }).map((props) => {
              const option = processOptions.find((p) => p.code === props.value);
              return (
                <label key={props.key} className="checkbox">
                  <input {...props} key={props.key} />
                  {option?.inRegister ? `${option.code} – ${option.title}` : t("users.workAreas.notInRegister", { code: props.value })}
                </label>
              );
            })}
            <FieldErrors id={areasFields.processes.errorId} errors={areasFields.processes.errors} />
          </fieldset>
          <button type="submit" className="button button--secondary">
            {t("users.workAreas.save")}
          </button>
        </Form>
      </section>
    </main>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, "users.editTitle", { username: data?.user.username ?? "" });

export function ErrorBoundary() {
  return <ErrorPage />;
}
