import { describeChanges, displayValue, fieldLabelKey, humanizeField } from "~/domain/audit-log/changes";
import { valueLabelKey } from "~/domain/audit-log/value-labels";
import { isMessageKey } from "~/i18n/messages";
import { useI18n } from "~/i18n/i18n-context";

function Value({ entityType, field, value }: { entityType: string; field: string; value: unknown }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const coded = valueLabelKey(entityType, field, value);
  if (coded !== null && isMessageKey(coded)) return <>{t(coded)}</>;
  const shown = displayValue(value);
  switch (shown.kind) {
    case "empty":
      return <span className="muted">{t("audit.value.empty")}</span>;
    case "boolean":
      return <>{t(shown.value ? "audit.value.yes" : "audit.value.no")}</>;
    case "date":
      return <>{formatDate(shown.value)}</>;
    case "instant":
      return <>{formatDateTime(shown.value)}</>;
    default:
      // What people typed stays in the language they typed it in.
      return <span className="change-list__data">{shown.value}</span>;
  }
}

/** One audit-log row's changes as a readable field list; the stored JSON stays one click away. */
export function ChangeList({ entityType, before, after }: { entityType: string; before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = describeChanges(before, after);
  const label = (field: string) => {
    const key = fieldLabelKey(field);
    return isMessageKey(key) ? t(key) : humanizeField(field);
  };
  const showBefore = before !== null && before !== undefined;
  const showAfter = after !== null && after !== undefined;
  return (
    <>
      {changes.length === 0 ? (
        <p className="muted">{t("audit.changes.none")}</p>
      ) : (
        <table className="change-list">
          <thead>
            <tr>
              <th scope="col">{t("audit.field")}</th>
              {showBefore ? <th scope="col">{t("audit.before")}</th> : null}
              {showAfter ? <th scope="col">{t("audit.after")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field ? label(change.field) : "—"}</th>
                {showBefore ? (
                  <td>
                    <Value entityType={entityType} field={change.field} value={change.before} />
                  </td>
                ) : null}
                {showAfter ? (
                  <td>
                    <Value entityType={entityType} field={change.field} value={change.after} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details className="change-list__raw">
        <summary>{t("audit.changes.raw")}</summary>
        <pre>{JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}</pre>
      </details>
    </>
  );
}
