import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChangeList } from "~/components/audit-log/change-list";
import { ErrorPage } from "~/components/error-page";
import { Field } from "~/components/form";
import { AUDIT_LOG_PAGE_SIZE, AuditLogFilterSchema, type AuditLogFilterInput } from "~/domain/audit-log/filter";
import type { Translate } from "~/i18n";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";
import { getAuditChainState, listAuditLog, listAuditLogFacets, type AuditLogListItem } from "~/models/audit-log.server";
import { listUsers } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { businessDayEnd, businessDayStart } from "~/utils/clock";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, rolesFor("/staff/audit-log"));
  const db = getDb();
  const searchParams = new URL(request.url).searchParams;
  const submission = parseWithZod(searchParams, { schema: AuditLogFilterSchema });
  const filter = submission.status === "success" ? submission.value : { page: 1 };
  const [log, facets, users, chain] = await Promise.all([
    listAuditLog(db, {
      unitId: user.unitId,
      entityType: filter.entityType,
      action: filter.action,
      actorUserId: filter.actor,
      fromInstant: filter.from ? businessDayStart(filter.from).toISOString() : undefined,
      toInstant: filter.to ? businessDayEnd(filter.to).toISOString() : undefined,
      page: filter.page,
      pageSize: AUDIT_LOG_PAGE_SIZE,
    }),
    listAuditLogFacets(db, user.unitId),
    listUsers(db, user.unitId),
    getAuditChainState(db),
  ]);
  return {
    lastResult: submission.status === "success" ? undefined : submission.reply(),
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(log.total / AUDIT_LOG_PAGE_SIZE)),
    total: log.total,
    items: log.items,
    facets,
    actors: users.map((u) => ({ id: u.id, name: u.displayName })),
    chain,
  };
}

function entityLabel(t: Translate, entityType: string) {
  const key = `audit.entity.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}

function actionLabel(t: Translate, action: string) {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function actorLabel(t: Translate, item: AuditLogListItem) {
  if (item.actorKind === "system") return t("audit.actor.system");
  if (item.actorKind === "citizen") return t("audit.actor.citizen");
  return item.actorName ?? `#${item.actorUserId}`;
}

export default function AuditLog() {
  const { lastResult, items, facets, actors, total, page, pageCount, chain } = useLoaderData<typeof loader>();
  const { t, formatDateTime } = useI18n();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<AuditLogFilterInput>({
    lastResult,
    defaultValue: Object.fromEntries(searchParams),
    shouldValidate: "onSubmit",
  });
  const pageLink = (target: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("page", String(target));
    return `?${params}`;
  };

  return (
    <main id="main" className="page">
      <h1>{t("audit.title")}</h1>
      {chain.ok ? (
        <p className="notice" data-chain="intact">
          {t("audit.chain.intact", { rows: chain.rows, id: chain.headId ?? "-", hash: chain.headHash.slice(0, 16) })}
        </p>
      ) : (
        <p className="notice notice--danger" role="alert" data-chain="broken">
          {t("audit.chain.broken", { id: chain.brokenAtId, rows: chain.rows })}
        </p>
      )}
      <Form method="get" {...getFormProps(form)} className="filters" aria-label={t("audit.filters")}>
        <Field label={t("audit.filter.entityType")} htmlFor={fields.entityType.id} errorId={fields.entityType.errorId} errors={fields.entityType.errors}>
          <select {...getSelectProps(fields.entityType)}>
            <option value="">{t("audit.filter.all")}</option>
            {facets.entityTypes.map((e) => (
              <option key={e} value={e}>
                {entityLabel(t, e)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("audit.filter.action")} htmlFor={fields.action.id} errorId={fields.action.errorId} errors={fields.action.errors}>
          <select {...getSelectProps(fields.action)}>
            <option value="">{t("audit.filter.all")}</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, a)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("audit.filter.actor")} htmlFor={fields.actor.id} errorId={fields.actor.errorId} errors={fields.actor.errors}>
          <select {...getSelectProps(fields.actor)}>
            <option value="">{t("audit.filter.all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("audit.filter.from")} htmlFor={fields.from.id} errorId={fields.from.errorId} errors={fields.from.errors}>
          <input {...getInputProps(fields.from, { type: "date" })} />
        </Field>
        <Field label={t("audit.filter.to")} htmlFor={fields.to.id} errorId={fields.to.errorId} errors={fields.to.errors}>
          <input {...getInputProps(fields.to, { type: "date" })} />
        </Field>
        <div className="filters__actions">
          <button type="submit" className="button">
            {t("audit.filter.apply")}
          </button>
          <Link to="/staff/audit-log">{t("audit.filter.clear")}</Link>
        </div>
      </Form>

      <p role="status">{t("audit.total", { count: total })}</p>
      {items.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("audit.title") })}>
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.col.at")}</th>
                <th scope="col">{t("audit.col.actor")}</th>
                <th scope="col">{t("audit.col.entity")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="nowrap">{formatDateTime(item.at)}</td>
                  <td>{actorLabel(t, item)}</td>
                  <td>
                    {entityLabel(t, item.entityType)} #{item.entityId}
                  </td>
                  <td>{actionLabel(t, item.action)}</td>
                  <td>
                    <ChangeList entityType={item.entityType} before={item.before} after={item.after} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav className="pager" aria-label={t("audit.page", { page })}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("audit.previous")}</Link> : null}
          <span>{t("audit.page", { page })} / {pageCount}</span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>{t("audit.next")}</Link> : null}
        </nav>
      ) : null}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "audit.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
