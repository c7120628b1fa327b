import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import { useMemo, useState } from "react";
import { DuePreview, type DuePreviewValue } from "~/components/due-preview";
import { ErrorPage } from "~/components/error-page";
import { Field, FieldErrors, FormErrors } from "~/components/form";
import { fieldLabel } from "~/components/procedure-facts";
import { PaymentMethodField, ReturnMethodField } from "~/components/service-facts-fields";
import { computeDueAt } from "~/domain/calendar/due-date";
import { createWorkingCalendar } from "~/domain/calendar/working-calendar";
import { CHANNELS } from "~/domain/dossiers/channels";
import { intakePapers, IntakeSchema } from "~/domain/dossiers/schema";
import { PAPER_KINDS } from "~/domain/dossiers/service-facts";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { useI18n } from "~/i18n/i18n-context";
import { listCalendarExceptions } from "~/models/calendar.server";
import { getDueContext, previewDue, receiveDossier } from "~/models/dossiers.server";
import { getProcedureByCode, listProcedures } from "~/models/procedures.server";
import { requireRole } from "~/utils/auth.server";
import { toLocalDateTimeInput } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";

const ROLES = rolesFor("/staff/dossiers/new");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const db = getDb();
  const code = new URL(request.url).searchParams.get("procedure");
  const [procedures, selected, context, exceptions] = await Promise.all([
    listProcedures(db, { unitId: user.unitId }),
    code ? getProcedureByCode(db, user.unitId, code) : null,
    getDueContext(db, user.unitId),
    listCalendarExceptions(db, user.unitId),
  ]);
  return {
    procedures: procedures.map((p) => ({ code: p.code, name: p.name, field: p.field })),
    selected: selected?.isActive
      ? {
          code: selected.code,
          name: selected.name,
          processingDays: selected.processingDays,
          documents: selected.requiredDocuments,
          feeDue: (selected.feeVnd ?? 0) > 0,
        }
      : null,
    calendar: exceptions,
    settings: context.settings,
    now: toLocalDateTimeInput(new Date()),
  };
}

type ActionReply = { result: SubmissionResult<string[]>; preview: DuePreviewValue | null };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ROLES);
  const db = getDb();
  const now = new Date();
  const submission = await parseWithZod(await request.formData(), {
    schema: IntakeSchema.superRefine(async (value, ctx) => {
      const procedure = await getProcedureByCode(db, user.unitId, value.procedureCode);
      if (!procedure?.isActive) {
        ctx.addIssue({ code: "custom", path: ["procedureCode"], message: "error.unknownProcedure" });
      }
      // A minute's grace for clocks that differ between the desk's computer and the server.
      if (value.receivedAt.getTime() > now.getTime() + 60_000) {
        ctx.addIssue({ code: "custom", path: ["receivedAt"], message: "error.receivedInFuture" });
      }
    }),
    async: true,
  });
  if (submission.status !== "success") {
    return data<ActionReply>({ result: submission.reply(), preview: null }, { status: 400 });
  }
  const value = submission.value;
  const procedure = (await getProcedureByCode(db, user.unitId, value.procedureCode))!;
  const context = await getDueContext(db, user.unitId);
  if (value.intent === "preview") {
    const due = previewDue(context, procedure, value.receivedAt);
    return data<ActionReply>({
      result: submission.reply(),
      preview: {
        dueAt: due.dueAt.toISOString(),
        countedFrom: due.countedFrom,
        rule: due.rule,
        processingDays: procedure.processingDays,
        sameDayCutoff: context.settings.sameDayCutoff,
      },
    });
  }
  const documents = intakePapers(procedure.requiredDocuments, value);
  const { code } = await receiveDossier(db, { kind: "user", userId: user.id }, context, {
    procedure,
    applicantName: value.applicantName,
    applicantPhone: value.applicantPhone,
    applicantIdNumber: value.applicantIdNumber ?? null,
    applicantAddress: value.applicantAddress,
    applicantEmail: value.applicantEmail ?? null,
    notifyConsent: value.notifyConsent === "on",
    channel: value.channel,
    receivedAt: value.receivedAt,
    documents,
    paymentMethod: value.paymentMethod,
    papersDigitised: value.papersDigitised,
    returnMethod: value.returnMethod,
    trackingBook: { volume: value.trackingBookVolume ?? null, number: value.trackingBookNumber ?? null },
    pickupPlace: value.pickupPlace ?? null,
  }, now);
  return redirect(`/staff/dossiers/${code}?received=1`);
}

export default function Intake() {
  const { procedures, selected, calendar, settings, now } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const submit = useSubmit();
  const [receivedAt, setReceivedAt] = useState(now);
  const [form, fields] = useForm({
    lastResult: reply?.result,
    defaultValue: {
      procedureCode: selected?.code,
      receivedAt: now,
      channel: "direct",
      paymentMethod: selected?.feeDue ? "cash" : "none_due",
      returnMethod: "desk",
    },
    constraint: getZodConstraint(IntakeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IntakeSchema }),
  });

  // The same pure rule the server applies, so the due date shows as the officer types.
  const workingCalendar = useMemo(() => createWorkingCalendar(calendar), [calendar]);
  const livePreview = useMemo((): DuePreviewValue | null => {
    if (!selected || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(receivedAt)) return null;
    const due = computeDueAt({
      receivedAt: new Date(`${receivedAt}:00+07:00`),
      processingDays: selected.processingDays,
      calendar: workingCalendar,
      settings,
    });
    return {
      dueAt: due.dueAt.toISOString(),
      countedFrom: due.countedFrom,
      rule: due.rule,
      processingDays: selected.processingDays,
      sameDayCutoff: settings.sameDayCutoff,
    };
  }, [selected, receivedAt, workingCalendar, settings]);

  return (
    <main id="main" className="page">
      <h1>{t("intake.title")}</h1>
      <Form method="get" className="inline-filters">
        <div className="field">
          <label htmlFor="procedure-picker">{t("intake.procedure")}</label>
          <select
            id="procedure-picker"
            name="procedure"
            defaultValue={selected?.code ?? ""}
            onChange={(e) => submit(e.currentTarget.form, { replace: true })}
          >
            <option value="">{t("intake.chooseProcedure")}</option>
            {PROCEDURE_FIELDS.map((f) => {
              const inField = procedures.filter((p) => p.field === f);
              return inField.length ? (
                <optgroup key={f} label={fieldLabel(t, f)}>
                  {inField.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.name} ({p.code})
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </div>
        <noscript>
          <button type="submit" className="button button--secondary">
            {t("intake.choose")}
          </button>
        </noscript>
      </Form>

      {selected ? (
        <Form method="post" {...getFormProps(form)} className="intake-form">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name={fields.procedureCode.name} value={selected.code} />
          <FieldErrors id={fields.procedureCode.errorId} errors={fields.procedureCode.errors} />
          <fieldset className="stack">
            <legend>{t("intake.applicant")}</legend>
            <Field label={t("intake.applicantName")} htmlFor={fields.applicantName.id} errorId={fields.applicantName.errorId} errors={fields.applicantName.errors}>
              <input {...getInputProps(fields.applicantName, { type: "text" })} autoComplete="off" />
            </Field>
            <Field label={t("intake.applicantPhone")} htmlFor={fields.applicantPhone.id} errorId={fields.applicantPhone.errorId} errors={fields.applicantPhone.errors}>
              <input {...getInputProps(fields.applicantPhone, { type: "tel" })} autoComplete="off" inputMode="tel" />
            </Field>
            <Field label={t("intake.applicantIdNumber")} htmlFor={fields.applicantIdNumber.id} errorId={fields.applicantIdNumber.errorId} errors={fields.applicantIdNumber.errors}>
              <input {...getInputProps(fields.applicantIdNumber, { type: "text" })} autoComplete="off" inputMode="numeric" />
            </Field>
            <Field label={t("intake.applicantAddress")} htmlFor={fields.applicantAddress.id} errorId={fields.applicantAddress.errorId} errors={fields.applicantAddress.errors}>
              <input {...getInputProps(fields.applicantAddress, { type: "text" })} autoComplete="off" />
            </Field>
            <Field label={t("intake.applicantEmail")} htmlFor={fields.applicantEmail.id} errorId={fields.applicantEmail.errorId} errors={fields.applicantEmail.errors}>
              <input {...getInputProps(fields.applicantEmail, { type: "email" })} autoComplete="off" />
            </Field>
            <label className="checkbox">
              <input {...getInputProps(fields.notifyConsent, { type: "checkbox" })} />
              {t("intake.notifyConsent")}
            </label>
            <FieldErrors id={fields.notifyConsent.errorId} errors={fields.notifyConsent.errors} />
          </fieldset>
          <fieldset className="stack">
            <legend>{t("intake.documents")}</legend>
            {selected.documents.map((doc, i) => (
              <div key={doc} className="paper-row">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name={fields.documents.name}
                    value={doc}
                    id={`doc-${i}`}
                    defaultChecked={[fields.documents.initialValue ?? []].flat().includes(doc)}
                  />
                  {doc}
                </label>
                <PaperKindAndCount index={i} kindName={`paperKinds[${i}]`} countName={`paperCounts[${i}]`} label={doc} />
              </div>
            ))}
            <FieldErrors id={fields.documents.errorId} errors={fields.documents.errors} />
            <Field label={t("intake.otherDocuments")} htmlFor={fields.otherDocuments.id} errorId={fields.otherDocuments.errorId} errors={fields.otherDocuments.errors}>
              <input {...getInputProps(fields.otherDocuments, { type: "text" })} />
            </Field>
            <PaperKindAndCount index="other" kindName={fields.otherKind.name} countName={fields.otherCount.name} label={t("intake.otherDocuments")} />
          </fieldset>
          <fieldset className="stack">
            <legend>{t("intake.bookAndPickup")}</legend>
            <Field label={t("intake.trackingBookVolume")} htmlFor={fields.trackingBookVolume.id} errorId={fields.trackingBookVolume.errorId} errors={fields.trackingBookVolume.errors} hint={t("intake.trackingBookHint")}>
              <input {...getInputProps(fields.trackingBookVolume, { type: "text" })} />
            </Field>
            <Field label={t("intake.trackingBookNumber")} htmlFor={fields.trackingBookNumber.id} errorId={fields.trackingBookNumber.errorId} errors={fields.trackingBookNumber.errors}>
              <input {...getInputProps(fields.trackingBookNumber, { type: "text" })} />
            </Field>
            <Field label={t("intake.pickupPlace")} htmlFor={fields.pickupPlace.id} errorId={fields.pickupPlace.errorId} errors={fields.pickupPlace.errors} hint={t("intake.pickupPlaceHint")}>
              <input {...getInputProps(fields.pickupPlace, { type: "text" })} />
            </Field>
          </fieldset>
          <fieldset className="stack">
            <legend>{t("serviceFacts.legend")}</legend>
            <PaymentMethodField meta={fields.paymentMethod} />
            <label className="checkbox">
              <input {...getInputProps(fields.papersDigitised, { type: "checkbox", value: "1" })} />
              {t("serviceFacts.papersDigitised")}
            </label>
            <ReturnMethodField meta={fields.returnMethod} />
          </fieldset>
          <div className="stack">
            <Field label={t("intake.channel")} htmlFor={fields.channel.id} errorId={fields.channel.errorId} errors={fields.channel.errors}>
              <select {...getSelectProps(fields.channel)}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("intake.receivedAt")} htmlFor={fields.receivedAt.id} errorId={fields.receivedAt.errorId} errors={fields.receivedAt.errors}>
              <input
                {...getInputProps(fields.receivedAt, { type: "datetime-local" })}
                onChange={(e) => setReceivedAt(e.currentTarget.value)}
              />
            </Field>
            <DuePreview preview={reply?.preview ?? livePreview} />
            {/* Saving comes first: Enter in a field submits with the form's first button. */}
            <div className="button-row">
              <button type="submit" name="intent" value="save" className="button">
                {t("intake.save")}
              </button>
              <button type="submit" name="intent" value="preview" className="button button--secondary" formNoValidate>
                {t("intake.preview")}
              </button>
            </div>
          </div>
        </Form>
      ) : null}
    </main>
  );
}

/** A paper's kind (original / certified copy / copy) and count, beside its checkbox; plain form fields, no script. */
function PaperKindAndCount({ index, kindName, countName, label }: { index: number | string; kindName: string; countName: string; label: string }) {
  const { t } = useI18n();
  return (
    <span className="paper-row__facts">
      <label htmlFor={`paper-kind-${index}`} className="visually-hidden">
        {t("intake.paperKindOf", { paper: label })}
      </label>
      <select id={`paper-kind-${index}`} name={kindName} defaultValue="">
        <option value="">{t("intake.paperKind")}</option>
        {PAPER_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`intake.paperKind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`paper-count-${index}`} className="visually-hidden">
        {t("intake.paperCountOf", { paper: label })}
      </label>
      <input id={`paper-count-${index}`} name={countName} type="number" min={1} max={99} inputMode="numeric" placeholder={t("intake.paperCount")} className="input--narrow" />
    </span>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "intake.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
