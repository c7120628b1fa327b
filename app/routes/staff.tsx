import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { requireUser } from "~/utils/auth.server";
import { staffNavFor } from "~/utils/navigation";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { nav: staffNavFor(user.roles).map(({ to, label }) => ({ to, label })) };
}

export default function StaffLayout() {
  const { nav } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="staff">
      <nav aria-label={t("layout.staffNav")} className="staff-nav">
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/staff"}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
