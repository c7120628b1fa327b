import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { fieldLabel } from "~/components/procedure-facts";
import { RegisterTable } from "~/components/register-table";
import { CHANNELS } from "~/domain/dossiers/channels";
import { DOSSIER_STATES } from "~/domain/dossiers/lifecycle";
import { REGISTER_OUTCOMES, REGISTER_PAGE_SIZE, RegisterFilterSchema, type RegisterFilter } from "~/domain/dossiers/register-filter";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { useI18n } from "~/i18n/i18n-context";
import { listOverdueDossiers, listRegisterPage, OVERDUE_FIRST_LIMIT, totalRegister } from "~/models/dossier-register.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { businessDateOf } from "~/utils/clock";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/dossiers"));
  const db = getDb();
  const now = new Date();
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: RegisterFilterSchema });
  const filter: RegisterFilter = submission.status === "success" ? submission.value : {};
  const { after, ...rest } = filter;
  const query = { ...rest, unitId: user.unitId, now };
  const [page, total, overdue] = await Promise.all([
    listRegisterPage(db, { ...query, afterId: after ? Number(after) : undefined, limit: REGISTER_PAGE_SIZE }),
    totalRegister(db, query, { firstPage: !after }),
    after || filter.overdue ? Promise.resolve([]) : listOverdueDossiers(db, user.unitId, now),
  ]);
  // The tracking book of the filtered period and field; without a period, this month so far.
  const today = businessDateOf(now);
  const book = new URLSearchParams({ from: filter.from ?? `${today.slice(0, 8)}01`, to: filter.to ?? today });
  if (filter.field) book.set("field", filter.field);
  return {
    trackingBookHref: `/staff/dossiers/tracking-book.pdf?${book}`,
    lastResult: submission.status === "success" ? undefined : submission.reply(),
    rows: page.rows,
    nextAfterId: page.nextAfterId,
    total,
    overdue,
    overdueLimit: OVERDUE_FIRST_LIMIT,
    isFirstPage: !after,
  };
}

export default function Register() {
  const { trackingBookHref, lastResult, rows, nextAfterId, total, overdue, overdueLimit, isFirstPage } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, formatDate } = useI18n();
  const [form, fields] = useForm<RegisterFilter>({
    lastResult,
    defaultValue: Object.fromEntries(searchParams),
    shouldValidate: "onSubmit",
  });
  const withParams = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(searchParams);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    return `?${params}`;
  };
  const exportParams = new URLSearchParams(searchParams);
  exportParams.delete("after");

  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("register.title")}</h1>
        <a className="button button--secondary" href={`/staff/dossiers/export.csv?${exportParams}`}>
          {t("register.exportCsv")}
        </a>
        <a className="button button--secondary" href={trackingBookHref} title={t("trackingBook.hint")}>
          {t("trackingBook.link")}
        </a>
      </div>
      {(REGISTER_OUTCOMES as readonly string[]).includes(searchParams.get("outcome") ?? "") && searchParams.get("judgedFrom") && searchParams.get("judgedTo") ? (
        <p className="notice" role="note">
          {t("register.outcomeFilter", {
            outcome: t(`register.outcome.${searchParams.get("outcome") as "judged" | "resolved" | "late"}`),
            from: formatDate(searchParams.get("judgedFrom")!),
            to: formatDate(searchParams.get("judgedTo")!),
          })}{" "}
          <Link to={withParams({ outcome: null, judgedFrom: null, judgedTo: null, after: null })}>{t("register.clear")}</Link>
        </p>
      ) : null}
      <Form method="get" {...getFormProps(form)} className="filters">
        {(["outcome", "judgedFrom", "judgedTo"] as const).map((name) =>
          searchParams.get(name) ? <input key={name} type="hidden" name={name} value={searchParams.get(name)!} /> : null,
        )}
        <Field label={t("register.filter.from")} htmlFor={fields.from.id} errorId={fields.from.errorId} errors={fields.from.errors}>
          <input {...getInputProps(fields.from, { type: "date" })} />
        </Field>
        <Field label={t("register.filter.to")} htmlFor={fields.to.id} errorId={fields.to.errorId} errors={fields.to.errors}>
          <input {...getInputProps(fields.to, { type: "date" })} />
        </Field>
        <Field label={t("register.filter.field")} htmlFor={fields.field.id} errorId={fields.field.errorId} errors={fields.field.errors}>
          <select {...getSelectProps(fields.field)}>
            <option value="">{t("register.filter.all")}</option>
            {PROCEDURE_FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("register.filter.procedure")} htmlFor={fields.procedure.id} errorId={fields.procedure.errorId} errors={fields.procedure.errors}>
          <input {...getInputProps(fields.procedure, { type: "text" })} placeholder="1.001193" />
        </Field>
        <Field label={t("register.filter.state")} htmlFor={fields.state.id} errorId={fields.state.errorId} errors={fields.state.errors}>
          <select {...getSelectProps(fields.state)}>
            <option value="">{t("register.filter.all")}</option>
            {DOSSIER_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`dossier.state.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("register.filter.channel")} htmlFor={fields.channel.id} errorId={fields.channel.errorId} errors={fields.channel.errors}>
          <select {...getSelectProps(fields.channel)}>
            <option value="">{t("register.filter.all")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("register.filter.search")} htmlFor={fields.q.id} errorId={fields.q.errorId} errors={fields.q.errors}>
          <input {...getInputProps(fields.q, { type: "search" })} />
        </Field>
        <label className="checkbox">
          <input type="checkbox" name="overdue" value="1" defaultChecked={searchParams.get("overdue") === "1"} />
          {t("register.filter.overdue")}
        </label>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("register.apply")}
          </button>
          <Link to="/staff/dossiers">{t("register.clear")}</Link>
        </div>
      </Form>

      {overdue.length > 0 ? (
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t("register.overdueTitle")}</h2>
          {overdue.length >= overdueLimit ? (
            <p>
              {t("register.overdueMore", { count: overdueLimit })}{" "}
              <Link to={withParams({ overdue: "1", after: null })}>{t("register.filter.overdue")}</Link>
            </p>
          ) : null}
          <RegisterTable rows={overdue} label={t("register.overdueTitle")} overdue />
        </section>
      ) : null}

      <p role="status">{t(total.more ? "register.countMore" : "register.count", { count: total.count })}</p>
      {rows.length === 0 ? <p>{t("register.none")}</p> : <RegisterTable rows={rows} label={t("register.title")} />}
      <nav className="pager" aria-label={t("register.title")}>
        {!isFirstPage ? <Link to={withParams({ after: null })}>{t("register.first")}</Link> : null}
        {nextAfterId !== null ? <Link to={withParams({ after: String(nextAfterId) })}>{t("register.next")}</Link> : null}
      </nav>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "register.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
