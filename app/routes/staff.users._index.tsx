import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { fieldLabel } from "~/components/procedure-facts";
import { PROCEDURE_FIELDS } from "~/domain/procedures/procedure";
import { useI18n } from "~/i18n/i18n-context";
import { listUsers } from "~/models/users.server";
import { getWorkAreas } from "~/models/work-areas.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const users = await listUsers(getDb(), admin.unitId);
  const areas = await getWorkAreas(getDb(), users.map((u) => u.id));
  return { users: users.map((u) => ({ ...u, workAreas: areas.get(u.id) ?? { fields: [], processes: [] } })) };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const workAreasLabel = (areas: { fields: readonly string[]; processes: readonly string[] }) =>
    [...PROCEDURE_FIELDS.filter((f) => areas.fields.includes(f)).map((f) => fieldLabel(t, f)), ...areas.processes].join(", ");
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <h1>{t("users.title")}</h1>
        <Link to="/staff/users/new" className="button">
          {t("users.new")}
        </Link>
      </div>
      {users.length === 0 ? (
        <p>{t("users.empty")}</p>
      ) : (
        <div className="table-scroll">
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
