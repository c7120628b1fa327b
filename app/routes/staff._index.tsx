import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { getUnit } from "~/models/units.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";
import { staffNavFor } from "~/utils/navigation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const unit = await getUnit(getDb(), user.unitId);
  return {
    displayName: user.displayName,
    roles: user.roles,
    unitName: unit?.name ?? "",
    shortcuts: staffNavFor(user.roles)
      .filter((item) => item.to !== "/staff")
      .map(({ to, label }) => ({ to, label })),
  };
}

export default function StaffHome() {
  const { displayName, roles, unitName, shortcuts } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("staff.home.title")}</h1>
      <p className="lead">{t("staff.home.welcome", { name: displayName })}</p>
      <dl className="facts">
        <dt>{t("staff.home.unit")}</dt>
        <dd>{unitName}</dd>
        <dt>{t("staff.home.yourRoles")}</dt>
        <dd>{roles.map((r) => t(`role.${r}`)).join(", ")}</dd>
      </dl>
      <h2>{t("staff.home.shortcuts")}</h2>
      <ul className="shortcut-list">
        {shortcuts.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{t(item.label)}</Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "staff.home.title");

export function ErrorBoundary() {
  return <ErrorPage />;
}
