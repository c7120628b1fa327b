import type { ReactNode } from "react";

/**
 * A secondary form one click away, as the dossier page's "Thao tác khác": a <details> fold, so it opens
 * without JavaScript, and open by itself when its form came back with an error, so the error stays in view.
 */
export function FormFold({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details className="more-actions form-fold" open={open || undefined}>
      <summary>{summary}</summary>
      <div className="more-actions__body">{children}</div>
    </details>
  );
}
