import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { requireUser } from "~/utils/auth.server";
import { activeNavTo, staffNavFor } from "~/utils/navigation";
import { countWorklistByNav, worklistDay } from "~/models/worklist.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Issue 16: "Việc của tôi" counts as badges, counts only, once per request.
  const badges = await countWorklistByNav(getDb(), user, worklistDay(new Date()));
  return { nav: staffNavFor(user.roles).map(({ to, label }) => ({ to, label, waiting: badges[to] ?? 0 })) };
}

export default function StaffLayout() {
  const { nav } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  // One highlighted item: NavLink would light every prefix ("Hồ sơ" and "Tiếp nhận" together).
  const active = activeNavTo(useLocation().pathname, nav.map((item) => item.to));
  return (
    <div className="staff">
      <nav aria-label={t("layout.staffNav")} className="staff-nav">
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                className={item.to === active ? "active" : undefined}
                aria-current={item.to === active ? "page" : undefined}
              >
                {t(item.label)}
                {item.waiting > 0 ? " " : null}
                {item.waiting > 0 ? (
                  <span className="badge badge--warn nav-badge" data-nav-badge={item.to}>
                    <span aria-hidden="true">{item.waiting}</span>
                    <span className="visually-hidden"> {t("worklist.badge", { count: item.waiting })}</span>
                  </span>
                ) : null}
              </Link>
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
