import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/i18n-context";
import type { WorklistSection } from "~/models/worklist.server";

/** "Việc của tôi": one section per kind of waiting work, its count, its first entries and a link to all. */
export function WorklistSections({ sections }: { sections: readonly WorklistSection[] }) {
  const { t, formatDate } = useI18n();
  const waiting = sections.filter((s) => s.count > 0);
  return (
    <section aria-labelledby="worklist-title" className="worklist">
      <h2 id="worklist-title">{t("worklist.title")}</h2>
      {waiting.length === 0 ? <p>{t("worklist.empty")}</p> : null}
      {waiting.map((s) => (
        <section key={s.key} aria-labelledby={`worklist-${s.key}`} className="worklist__section" data-worklist={s.key}>
          <h3 id={`worklist-${s.key}`}>
            {t(`worklist.section.${s.key}` as MessageKey)} <span className="badge">{s.count}</span>
          </h3>
          <ul>
            {s.entries.map((e) => (
              <li key={e.key} className={e.overdue ? "text-danger" : undefined}>
                <Link to={e.link}>{e.ref}</Link>
                {e.title && e.title !== e.ref ? `: ${e.title}` : null}
                {e.due ? ` (${t("worklist.due", { date: formatDate(e.due) })})` : null}
                {e.overdue ? <span className="badge badge--danger"> {t("worklist.overdue")}</span> : null}
              </li>
            ))}
          </ul>
          {s.count > s.entries.length ? <Link to={s.more}>{t("worklist.more", { count: s.count })}</Link> : null}
        </section>
      ))}
    </section>
  );
}
