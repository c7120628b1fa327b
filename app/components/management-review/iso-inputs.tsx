import { Link } from "@remix-run/react";
import type { CompetenceInputs, ImprovementInputs, RiskInputs } from "~/domain/management-review/iso-inputs";
import { useI18n } from "~/i18n/i18n-context";
import { scrollRegion } from "~/components/scroll-region";

/** §9.3.2 e and f, and §7.2: the review's inputs from the risk register, the training records and the improvement sources. */
export function IsoReviewInputs({ risks, competence, improvement }: { risks: RiskInputs; competence: CompetenceInputs; improvement: ImprovementInputs }) {
  const { t, formatDate, formatNumber } = useI18n();
  const n = (value: number) => formatNumber(value);
  const counts = (c: RiskInputs["risks"]) => ({
    open: n(c.open),
    high: n(c.high),
    recorded: n(c.recorded),
    reviewed: n(c.reviewed),
    effective: n(c.effective),
    treatmentsDue: n(c.treatmentsDue),
    treatmentsDone: n(c.treatmentsDone),
    treatmentsOverdue: n(c.treatmentsOverdue),
  });
  return (
    <>
      <h3 id="review-input-risks">{t("mr.input.risks")}</h3>
      <p>{t("mr.input.riskCounts", counts(risks.risks))}</p>
      <p>{t("mr.input.opportunityCounts", counts(risks.opportunities))}</p>
      <h4>{t("mr.input.reviews")}</h4>
      {risks.reviews.length === 0 ? (
        <p>{t("mr.input.noReviews")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ labelledBy: "review-input-risks" })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("risks.field.code")}</th>
                <th scope="col">{t("risks.field.title")}</th>
                <th scope="col">{t("risks.field.kind")}</th>
                <th scope="col">{t("risks.review.reviewedOn")}</th>
                <th scope="col">{t("risks.review.before")}</th>
                <th scope="col">{t("risks.review.after")}</th>
                <th scope="col">{t("risks.review.effective")}</th>
              </tr>
            </thead>
            <tbody>
              {risks.reviews.map((r) => (
                <tr key={`${r.code}-${r.reviewedOn}-${r.levelBefore}-${r.levelAfter}`}>
                  <td>
                    <Link to={`/staff/risks/${r.code}`}>{r.code}</Link>
                  </td>
                  <td>{r.title}</td>
                  <td>{t(`risks.kind.${r.kind}`)}</td>
                  <td className="nowrap">{formatDate(r.reviewedOn)}</td>
                  <td>{n(r.levelBefore)}</td>
                  <td>
                    {n(r.levelAfter)} ({t(`risks.band.${r.bandAfter}`)})
                  </td>
                  <td>{t(r.effective ? "risks.review.effective" : "risks.review.notEffective")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t("mr.input.top")}</h4>
      {risks.top.length === 0 ? (
        <p>{t("mr.input.noRisks")}</p>
      ) : (
        <ul>
          {risks.top.map((r) => (
            <li key={r.code}>
              <Link to={`/staff/risks/${r.code}`}>{r.code}</Link> {r.title}: {t("risks.field.level")} {n(r.level)} ({t(`risks.band.${r.band}`)})
            </li>
          ))}
        </ul>
      )}

      <h3 id="review-input-competence">{t("mr.input.competence")}</h3>
      <p>
        {t("mr.input.competenceSummary", {
          required: n(competence.required),
          missing: n(competence.missing),
          lapsing: n(competence.lapsing),
          trainings: n(competence.trainings),
          hours: n(competence.hours),
          people: n(competence.peopleTrained),
        })}
      </p>
      <h4>{t("mr.input.gaps")}</h4>
      {competence.gaps.length === 0 ? (
        <p>{t("mr.input.noGaps")}</p>
      ) : (
        <div className="table-scroll" {...scrollRegion({ label: t("mr.input.gaps") })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("mr.input.col.person")}</th>
                <th scope="col">{t("competence.record.competence")}</th>
                <th scope="col">{t("risks.field.state")}</th>
              </tr>
            </thead>
            <tbody>
              {competence.gaps.map((g) => (
                <tr key={`${g.name}-${g.code}`}>
                  <td>{g.name}</td>
                  <td>
                    {g.code}: {g.title}
                  </td>
                  <td>
                    {t(`competence.status.${g.status}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{t("mr.input.providers")}</h4>
      {competence.providers.length === 0 ? (
        <p>{t("mr.input.noTraining")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("competence.record.provider")}</th>
              <th scope="col">{t("mr.input.col.trainings")}</th>
              <th scope="col">{t("competence.record.hours")}</th>
            </tr>
          </thead>
          <tbody>
            {competence.providers.map((p) => (
              <tr key={p.provider}>
                <td>{p.provider}</td>
                <td>{n(p.trainings)}</td>
                <td>{n(p.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 id="review-input-improvement">{t("mr.input.improvement")}</h3>
      <p>
        {t("mr.input.improvementSummary", {
          opportunities: n(improvement.opportunities.length),
          audit: n(improvement.auditImprovements),
          recommendations: n(improvement.recommendations),
        })}
      </p>
      {improvement.opportunities.length > 0 ? (
        <ul>
          {improvement.opportunities.map((o) => (
            <li key={o.code}>
              <Link to={`/staff/risks/${o.code}`}>{o.code}</Link> {o.title}: {t("risks.field.level")} {n(o.level)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
