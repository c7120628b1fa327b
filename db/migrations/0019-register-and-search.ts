import { sql, type Kysely } from "kysely";
import { dialectOf } from "./portable";

/*
 * Issue 15, speed at province scale: the register's keyset index and the dossier search.
 * - `(unit_id, id)`: a register page is "this unit's dossiers, newest id first, after a cursor"; with only
 *   `(unit_id, state, due_date)` the engine sorted the unit's whole history for every page.
 * - Search over the dossier code, the applicant's name, phone and ID number, ignoring case and
 *   Vietnamese accents (đ included: Unicode gives it no decomposition, so it is folded by hand):
 *   SQLite: an FTS5 table with the trigram tokenizer (substrings of 3+ characters; case and diacritics
 *           removed by the tokenizer) over that text with đ/Đ replaced, kept in step by triggers;
 *   PostgreSQL: `unaccent` + `pg_trgm`, a GIN trigram index over `motcua_fold(<the same text>)`.
 * The query side is `searchDossiers` in db/sql.ts; the term is folded by `foldSearchTerm`.
 */
const SQLITE_TEXT = (r: string) =>
  `replace(replace(${r}.code || ' ' || ${r}.applicant_name || ' ' || coalesce(${r}.applicant_phone, '') || ' ' || coalesce(${r}.applicant_id_number, ''), 'đ', 'd'), 'Đ', 'd')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("dossier_unit_id_idx").on("dossier").columns(["unit_id", "id"]).execute();
  if (dialectOf(db) === "postgres") {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`create extension if not exists pg_trgm`.execute(db);
    // unaccent() is only STABLE (its dictionary could change); an index needs an IMMUTABLE function,
    // so the dictionary is named explicitly, the usual way to index it.
    await sql`create or replace function motcua_fold(text) returns text
      language sql immutable parallel safe strict
      as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`.execute(db);
    await sql`create index dossier_search_trgm_idx on dossier using gin
      (motcua_fold(code || ' ' || applicant_name || ' ' || coalesce(applicant_phone, '') || ' ' || coalesce(applicant_id_number, '')) gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table dossier_search using fts5(
    folded, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 0 remove_diacritics 1')`.execute(db);
  await sql.raw(`insert into dossier_search (rowid, folded) select d.id, ${SQLITE_TEXT("d")} from dossier d`).execute(db);
  await sql.raw(`create trigger dossier_search_insert after insert on dossier begin
      insert into dossier_search (rowid, folded) values (new.id, ${SQLITE_TEXT("new")});
    end`).execute(db);
  await sql.raw(`create trigger dossier_search_update after update of code, applicant_name, applicant_phone, applicant_id_number on dossier begin
      delete from dossier_search where rowid = old.id;
      insert into dossier_search (rowid, folded) values (new.id, ${SQLITE_TEXT("new")});
    end`).execute(db);
  await sql`create trigger dossier_search_delete after delete on dossier begin
      delete from dossier_search where rowid = old.id;
    end`.execute(db);
}
