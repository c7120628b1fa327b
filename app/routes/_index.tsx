import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { useI18n } from "~/i18n/i18n-context";
import { getPublicUnit } from "~/models/units.server";
import { getDb } from "~/utils/db.server";
import { pageMeta } from "~/utils/meta";

export async function loader(_: LoaderFunctionArgs) {
  const unit = await getPublicUnit(getDb());
  if (!unit) throw new Response("No unit configured", { status: 503 });
  return {
    unit: { name: unit.name, address: unit.address, phone: unit.phone },
  };
}

export default function Home() {
  const { unit } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("home.title", { unit: unit.name })}</h1>
      <p className="lead">{t("home.intro")}</p>
      <div className="cards">
        <section className="card" aria-labelledby="fields-title">
          <h2 id="fields-title">{t("home.fieldsTitle")}</h2>
          <ul>
            <li>{t("home.field.justice")}</li>
            <li>{t("home.field.land")}</li>
            <li>{t("home.field.social")}</li>
          </ul>
          <p>
            <Link to="/procedures">{t("home.proceduresLink")}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="hours-title">
          <h2 id="hours-title">{t("home.hoursTitle")}</h2>
          <p>{t("home.hours")}</p>
          {unit.address || unit.phone ? (
            <>
              <h3>{t("home.contactTitle")}</h3>
              {unit.address ? <p>{t("home.address", { address: unit.address })}</p> : null}
              {unit.phone ? <p>{t("home.phone", { phone: unit.phone })}</p> : null}
            </>
          ) : null}
        </section>
        <section className="card" aria-labelledby="commitment-title">
          <h2 id="commitment-title">{t("home.commitmentTitle")}</h2>
          <p>{t("home.commitment")}</p>
        </section>
        <section className="card" aria-labelledby="staff-title">
          <h2 id="staff-title">{t("home.staffTitle")}</h2>
          <p>{t("home.staffText")}</p>
          <p>
            <Link to="/login" className="button">
              {t("layout.login")}
            </Link>
          </p>
        </section>
      </div>
    </main>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "app.name");

export function ErrorBoundary() {
  return <ErrorPage />;
}
