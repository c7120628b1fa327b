import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field, FormErrors } from "~/components/form";
import { weekdayOf } from "~/domain/calendar/business-date";
import { CalendarDayFormSchema, CalendarYearSchema } from "~/domain/calendar/schema";
import { CALENDAR_EXCEPTION_KINDS } from "~/domain/calendar/working-calendar";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { changeCalendarDay } from "~/models/calendar-changes.server";
import { listCalendarExceptions } from "~/models/calendar.server";
import { requireRole } from "~/utils/auth.server";
import { businessDateOf } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { may, rolesTo } from "~/domain/accounts/permissions";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/calendar"));
  const { year: asked } = CalendarYearSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const year = asked ?? Number(businessDateOf(new Date()).slice(0, 4));
  const days = await listCalendarExceptions(getDb(), user.unitId, { from: `${year}-01-01`, to: `${year}-12-31` });
  return { year, days, canEdit: may(user.roles, "keepQualitySystem") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, rolesTo("keepQualitySystem"));
  const submission = parseWithZod(await request.formData(), { schema: CalendarDayFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const result = await changeCalendarDay(
    getDb(),
    { kind: "user", userId: user.id },
    user.unitId,
    value.intent === "save"
      ? { type: "save", day: { date: value.date, kind: value.kind, name: value.name } }
      : { type: "delete", date: value.date },
  );
  if (!result.changed) {
    return data(submission.reply({ formErrors: ["error.calendarDayMissing"] }), { status: 404 });
  }
  return redirect(`/staff/calendar?year=${value.date.slice(0, 4)}&moved=${result.dossiersMoved}`);
}

export default function Calendar() {
  const { year, days, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, formatDate } = useI18n();
  const [form, fields] = useForm({
    id: "calendar-day",
    lastResult,
    constraint: getZodConstraint(CalendarDayFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CalendarDayFormSchema }),
  });
  const moved = searchParams.get("moved");
  return (
    <main id="main" className="page">
      <h1>{t("calendar.title")}</h1>
      <p className="lead">{t("calendar.intro")}</p>
      {moved !== null ? (
        <p className="notice" role="status">
          {t("calendar.saved", { count: Number(moved) || 0 })}
        </p>
      ) : null}
      <Form method="get" className="inline-filters">
        <div className="field">
          <label htmlFor="year">{t("calendar.year")}</label>
          <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("calendar.show")}
        </button>
      </Form>
      {days.length === 0 ? (
        <p>{t("calendar.none")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("calendar.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("calendar.col.date")}</th>
                <th scope="col">{t("calendar.col.weekday")}</th>
                <th scope="col">{t("calendar.col.kind")}</th>
                <th scope="col">{t("calendar.col.name")}</th>
                {canEdit ? <th scope="col">{t("calendar.delete")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => {
                const weekdayKey = `calendar.weekday.${weekdayOf(d.date)}`;
                return (
                  <tr key={d.date}>
                    <td className="nowrap">{formatDate(d.date)}</td>
                    <td>{isMessageKey(weekdayKey) ? t(weekdayKey) : ""}</td>
                    <td>{t(`calendar.kind.${d.kind}`)}</td>
                    <td>{d.name}</td>
                    {canEdit ? (
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="delete" />
                          <input type="hidden" name="date" value={d.date} />
                          <button type="submit" className="button button--secondary" aria-label={`${t("calendar.delete")} ${formatDate(d.date)}`}>
                            {t("calendar.delete")}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <section aria-labelledby="add-day-title" className="section">
          <h2 id="add-day-title">{t("calendar.addTitle")}</h2>
          <Form method="post" {...getFormProps(form)} className="filters">
            <input type="hidden" name="intent" value="save" />
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field label={t("calendar.date")} htmlFor={fields.date.id} errorId={fields.date.errorId} errors={fields.date.errors}>
              <input {...getInputProps(fields.date, { type: "date" })} />
            </Field>
            <Field label={t("calendar.kind")} htmlFor={fields.kind.id} errorId={fields.kind.errorId} errors={fields.kind.errors}>
              <select {...getSelectProps(fields.kind)}>
                {CALENDAR_EXCEPTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`calendar.kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("calendar.name")} htmlFor={fields.name.id} errorId={fields.name.errorId} errors={fields.name.errors}>
              <input {...getInputProps(fields.name, { type: "text" })} />
            </Field>
            <div className="filters__actions">
              <button type="submit" className="button">
                {t("calendar.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "calendar.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
