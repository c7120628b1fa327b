import type { MigrationDialect } from "./portable";

/*
 * Renders a summary table kept by triggers (the per-day summary of migration 0009) for SQLite or
 * PostgreSQL from one description: which rows of a source table add what to which summary row.
 * Frozen in time like the migrations that use it: change nothing a landed migration renders (on
 * SQLite it reproduces 0009's text byte for byte, tests/integration/db/sqlite-schema.test.ts); a
 * migration that rebuilds a summary (new columns, new rules) describes its new shape and renders it
 * with `dropSummaryTriggers` + `summaryTriggers`.
 *
 * SQLite: `create trigger … begin <upserts> end`, `when old.c is not new.c or …`.
 * PostgreSQL: one plpgsql function per trigger. Inserts and deletes are summed per statement over its
 * transition table (a bulk insert is one pass); updates run row by row with the same upserts as SQLite,
 * `when (old.c is distinct from new.c or …)`. Booleans are cast to integer, `greatest` stands for the
 * scalar `max`, the summary's own column is qualified in `do update set` (a bare name is ambiguous there).
 */

/** The SQL that differs per engine inside a contribution's expressions. */
export interface SummaryFns {
  /** Business date (UTC+7) of a UTC ISO instant stored as text. */
  localDate(instant: string): string;
  /** The larger of two values (SQLite's two-argument `max`). */
  greatest(a: string, b: string): string;
  /** A boolean expression as 0/1 (SQLite's booleans already are). Pass it parenthesised. */
  int(condition: string): string;
}

export function summaryFns(dialect: MigrationDialect): SummaryFns {
  return dialect === "postgres"
    ? {
        localDate: (instant) => `to_char(cast(${instant} as timestamptz) at time zone 'UTC' + interval '7 hours', 'YYYY-MM-DD')`,
        greatest: (a, b) => `greatest(${a}, ${b})`,
        int: (condition) => `cast(${condition} as integer)`,
      }
    : {
        localDate: (instant) => `date(${instant}, '+7 hours')`,
        greatest: (a, b) => `max(${a}, ${b})`,
        int: (condition) => condition,
      };
}

/** What one source row adds to one summary row: the key's values, each column's amount, and when. */
export interface Contribution {
  /** Expressions for the summary's key columns, in the key's order. */
  key: string[];
  /** Column → amount (a number, or a condition counting 1 when true); columns not named get 0. */
  values: Record<string, string>;
  /** Another table the key or amounts read (`dossier d`), joined by `where`. */
  from?: string;
  /** Only when this holds (default: always). */
  where?: string;
}

export interface SummarySource {
  /** The table whose rows are summarised (`dossier`). */
  table: string;
  /** Trigger names: `<prefix>_insert`, `<prefix>_delete`, `<prefix>_update`. */
  triggerPrefix: string;
  /** What row `x` (`new`, `old`, or a table alias in the backfill) contributes. */
  contributions(x: string, f: SummaryFns): Contribution[];
  /** The columns whose update moves the row's contributions. */
  updateOf: string[];
  /** Run the update trigger only when one of `updateOf` really changed. */
  onlyWhenChanged: boolean;
}

export interface SummaryShape {
  table: string;
  key: readonly { name: string; type: "integer" | "text" }[];
  columns: readonly string[];
  /** The first source is the one the backfill reads. */
  sources: readonly SummarySource[];
}

const keyNames = (shape: SummaryShape) => shape.key.map((k) => k.name).join(", ");

function amount(dialect: MigrationDialect, sign: 1 | -1, expression: string): string {
  const value = dialect === "postgres" ? `cast((${expression}) as integer)` : expression;
  return `${sign === 1 ? "" : "-"}coalesce(${value}, 0)`;
}

/** One upsert per contribution, touching only its own columns (the layout reproduces 0009's text). */
function upserts(dialect: MigrationDialect, shape: SummaryShape, source: SummarySource, x: string, sign: 1 | -1): string {
  const keys = keyNames(shape);
  return source
    .contributions(x, summaryFns(dialect))
    .map((p) => {
      const columns = Object.keys(p.values);
      const amounts = columns.map((c) => amount(dialect, sign, p.values[c]!)).join(", ");
      const current = (c: string) => (dialect === "postgres" ? `${shape.table}.${c}` : c);
      const set = columns.map((c) => `${c} = ${current(c)} + excluded.${c}`).join(", ");
      return p.from
        ? `insert into ${shape.table} (${keys}, ${columns.join(", ")})
    select ${p.key.join(", ")}, ${amounts}
      from ${p.from} where ${p.where ?? "true"}
    on conflict (${keys}) do update set ${set};`
        : `insert into ${shape.table} (${keys}, ${columns.join(", ")})
        select ${p.key.join(", ")}, ${amounts} where ${p.where ?? "true"}
        on conflict (${keys}) do update set ${set};`;
    })
    .join("\n");
}

export function createSummaryTable(dialect: MigrationDialect, shape: SummaryShape): string {
  return `create table ${shape.table} (
         ${shape.key.map((k) => `${k.name} ${k.type} not null`).join(",\n         ")},
         ${shape.columns.map((c) => `${c} integer not null default 0`).join(",\n         ")},
         primary key (${keyNames(shape)})
       )${dialect === "sqlite" ? " without rowid" : ""}`;
}

/** Every contribution of the rows of `from` (a table with its alias) as rows of all the columns, with `sign`. */
function contributionRows(dialect: MigrationDialect, shape: SummaryShape, source: SummarySource, from: string, alias: string, sign: 1 | -1): string {
  return source
    .contributions(alias, summaryFns(dialect))
    .map(
      (p) =>
        `select ${p.key.map((k, i) => `${k} as ${shape.key[i]!.name}`).join(", ")}, ` +
        `${shape.columns.map((c) => `${p.values[c] ? amount(dialect, sign, p.values[c]) : "0"} as ${c}`).join(", ")} from ${from} ${alias}` +
        (p.from ? `, ${p.from}` : "") +
        (p.where ? ` where ${p.where}` : ""),
    )
    .join("\nunion all\n");
}

/** Fills the summary from the rows already there, exactly as the triggers would have kept it. */
export function backfillSummary(dialect: MigrationDialect, shape: SummaryShape, alias = "d"): string {
  const source = shape.sources[0]!;
  return `insert into ${shape.table} (${keyNames(shape)}, ${shape.columns.join(", ")})
       select ${keyNames(shape)}, ${shape.columns.map((c) => `sum(${c})`).join(", ")}
         from (${contributionRows(dialect, shape, source, source.table, alias, 1)})${dialect === "postgres" ? " as contribution" : ""}
        group by ${keyNames(shape)}`;
}

/**
 * PostgreSQL, for a whole statement's inserted or deleted rows (a transition table): their
 * contributions summed per summary row, then one upsert per summary row. A bulk insert (the seed, an
 * import) then costs one pass instead of several upserts per row.
 */
function statementUpsert(shape: SummaryShape, source: SummarySource, transition: string, sign: 1 | -1): string {
  const keys = keyNames(shape);
  return `insert into ${shape.table} (${keys}, ${shape.columns.join(", ")})
  select ${keys}, ${shape.columns.map((c) => `sum(${c})`).join(", ")}
    from (${contributionRows("postgres", shape, source, transition, "x", sign)}) as contribution
   group by ${keys}
  on conflict (${keys}) do update set ${shape.columns.map((c) => `${c} = ${shape.table}.${c} + excluded.${c}`).join(", ")};`;
}

/** The statements creating every source's insert, delete and update triggers. */
export function summaryTriggers(dialect: MigrationDialect, shape: SummaryShape): string[] {
  const statements: string[] = [];
  for (const source of shape.sources) {
    const bodies = {
      insert: upserts(dialect, shape, source, "new", 1),
      delete: upserts(dialect, shape, source, "old", -1),
      update: `${upserts(dialect, shape, source, "old", -1)} ${upserts(dialect, shape, source, "new", 1)}`,
    };
    for (const event of ["insert", "delete", "update"] as const) {
      const name = `${source.triggerPrefix}_${event}`;
      if (dialect === "sqlite") {
        statements.push(
          event === "update"
            ? `create trigger ${name} after update of ${source.updateOf.join(", ")} on ${source.table}
       ${source.onlyWhenChanged ? `when ${source.updateOf.map((c) => `old.${c} is not new.${c}`).join(" or ")}\n       ` : ""}begin ${bodies.update} end`
            : `create trigger ${name} after ${event} on ${source.table} begin ${bodies[event]} end`,
        );
      } else if (event === "update") {
        // Row by row: PostgreSQL gives no transition tables to a trigger on a column list (`update of`).
        statements.push(`create function ${name}() returns trigger language plpgsql as $body$
begin
${bodies.update}
return null;
end
$body$`);
        const when = source.onlyWhenChanged ? ` when (${source.updateOf.map((c) => `old.${c} is distinct from new.${c}`).join(" or ")})` : "";
        statements.push(`create trigger ${name} after update of ${source.updateOf.join(", ")} on ${source.table} for each row${when} execute function ${name}()`);
      } else {
        const transition = event === "insert" ? "inserted_rows" : "deleted_rows";
        statements.push(`create function ${name}() returns trigger language plpgsql as $body$
begin
${statementUpsert(shape, source, transition, event === "insert" ? 1 : -1)}
return null;
end
$body$`);
        statements.push(
          `create trigger ${name} after ${event} on ${source.table} referencing ${event === "insert" ? "new" : "old"} table as ${transition} for each statement execute function ${name}()`,
        );
      }
    }
  }
  return statements;
}

/** The statements dropping what `summaryTriggers` created (for a migration that rebuilds the summary). */
export function dropSummaryTriggers(dialect: MigrationDialect, shape: SummaryShape): string[] {
  return shape.sources.flatMap((source) =>
    (["insert", "delete", "update"] as const).flatMap((event) => {
      const name = `${source.triggerPrefix}_${event}`;
      return dialect === "sqlite"
        ? [`drop trigger if exists ${name}`]
        : [`drop trigger if exists ${name} on ${source.table}`, `drop function if exists ${name}()`];
    }),
  );
}
