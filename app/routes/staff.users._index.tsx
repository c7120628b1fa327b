import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorPage } from "~/components/error-page";
import { fieldLabel } from "~/components/procedure-facts";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { useI18n } from "~/i18n/i18n-context";
import { listUsers } from "~/models/users.server";
import { listVisibleUnits } from "~/models/dashboard.server";
import { getWorkAreas } from "~/models/work-areas.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { scrollRegion } from "~/components/scroll-region";

const UnitQuerySchema = z.object({ unit: z.coerce.number().int().positive().optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const db = getDb();
  // The admin's unit and every unit it covers (a province's communes): one at a time.
  const units = await listVisibleUnits(db, admin.unitId);
  const asked = UnitQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)).unit;
  const unitId = asked !== undefined && units.some((u) => u.id === asked) ? asked : admin.unitId;
  const users = await listUsers(db, unitId);
  const areas = await getWorkAreas(db, users.map((u) => u.id));
  return {
    unitId,
    units: units.map((u) => ({ id: u.id, name: u.name })),
    users: users.map((u) => ({ ...u, workAreas: areas.get(u.id) ?? { fields: [], processes: [] } })),
  };
}

export default function Users() {
  const { users, units, unitId } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const workAreasLabel = (areas: { fields: readonly string[]; processes: readonly string[] }) =>
    [...PROCEDURE_FIELDS.filter((f) => areas.fields.includes(f)).map((f) => fieldLabel(t, f)), ...areas.processes].join(", ");
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("users.title")}</h1>
        <Link to={`/staff/users/new?unit=${unitId}`} className="button">
          {t("users.new")}
        </Link>
      </div>
      {units.length > 1 ? (
        <Form method="get" className="filters" aria-label={t("users.unitFilter")}>
          <div className="field">
            <label htmlFor="users-unit">{t("users.field.unit")}</label>
            <select id="users-unit" name="unit" defaultValue={String(unitId)}>
              {units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__actions">
            <button type="submit" className="button">
              {t("users.unitShow")}
            </button>
          </div>
        </Form>
      ) : null}
      {users.length === 0 ? (
        <p>{t("users.empty")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("users.title") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("users.col.username")}</th>
                <th scope="col">{t("users.col.displayName")}</th>
                <th scope="col">{t("users.col.roles")}</th>
                <th scope="col">{t("users.col.status")}</th>
                <th scope="col">{t("users.workAreas.col")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/staff/users/${u.id}`}>{u.username}</Link>
                  </td>
                  <td>{u.displayName}</td>
                  <td>{u.roles.map((r) => t(`role.${r}`)).join(", ")}</td>
                  <td>
                    {u.isDisabled ? (
                      <span className="badge badge--muted">{t("users.status.disabled")}</span>
                    ) : (
                      <span className="badge badge--ok">{t("users.status.active")}</span>
                    )}
                  </td>
                  <td>{workAreasLabel(u.workAreas) || t("users.workAreas.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "users.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
