import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { listUsers } from "~/models/users.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  return { users: await listUsers(getDb(), admin.unitId) };
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const { t } = useI18n();
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
