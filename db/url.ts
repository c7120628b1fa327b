/** Whether a `DATABASE_URL` names a PostgreSQL database (`postgres://` or `postgresql://`); else it is a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
