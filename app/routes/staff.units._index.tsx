import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { listUnits } from "~/models/units.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { rolesFor } from "~/utils/navigation";
import { scrollRegion } from "~/components/scroll-region";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, rolesFor("/staff/units"));
  return { units: await listUnits(getDb()) };
}

export default function Units() {
  const { units } = useLoaderData<typeof loader>();
  const { t, formatDate } = useI18n();
  const [params] = useSearchParams();
  return (
    <main id="main" className="page">
      <h1>{t("units.title")}</h1>
      {params.get("created") ? <p role="status">{t("units.created")}</p> : null}
      {params.get("merged") ? (
        <p role="status">
          {t("units.mergedNotice", { dossiers: params.get("dossiers") ?? "0", feedback: params.get("feedback") ?? "0", nonconformities: params.get("nonconformities") ?? "0" })}
        </p>
      ) : null}
      <p>
        <Link to="/staff/units/new" className="button">
          {t("units.new")}
        </Link>{" "}
        <Link to="/staff/units/merge">{t("units.merge")}</Link>
      </p>
      <div className="table-scroll" {...scrollRegion({ label: t("units.title") })}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("units.field.code")}</th>
              <th scope="col">{t("units.field.name")}</th>
              <th scope="col">{t("units.field.kind")}</th>
              <th scope="col">{t("units.field.parent")}</th>
              <th scope="col">{t("units.field.remote")}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <td>{u.code}</td>
                <th scope="row">
                  {u.name}
                  {u.mergedInto && u.mergedOn ? (
                    <>
                      {" "}
                      <small>({t("province.merged", { name: u.mergedInto, date: formatDate(u.mergedOn) })})</small>
                    </>
                  ) : null}
                </th>
                <td>{t(`units.kind.${u.kind}`)}</td>
                <td>{u.parentName ?? "—"}</td>
                <td>{u.is_remote_area ? "✓" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "units.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
