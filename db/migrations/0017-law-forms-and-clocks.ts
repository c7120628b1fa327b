import { sql, type Kysely } from "kysely";
import { autoId } from "./portable";

/*
 * Issue 17, the law complete:
 * - `rule_set_version`: the one-stop rule sets as data (legal basis, effective dates, desk name,
 *   form numbers and titles, slips offered, legal clocks), edited by the quality lead. `layout` names
 *   the built-in form layout the version prints with (the dossier's old `rule_set` column); a new
 *   decree that keeps a layout needs no release. Facts DOMAIN.md marks *(check)* are listed in
 *   `checks_json` so the screen and the decision record show them as unverified.
 * - a dossier keeps `rule_set_version_id` of the version in force on the day it was received;
 *   its tracking-book volume and number; the place the citizen picks the result up.
 *   The papers' kind (original / certified copy / copy) and count live in `documents_json`, which
 *   already had room for them (0003).
 * Frozen in time: the seed below is copied here, never imported from app code.
 */
const LAYOUTS = ["nd61-2018", "nd118-2025"];
const inList = (column: string, values: string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

const SEED = [
  {
    code: "nd61-2018",
    layout: "nd61-2018",
    decree: "Nghị định số 61/2018/NĐ-CP (sửa đổi bởi Nghị định số 107/2021/NĐ-CP)",
    circular: "Thông tư số 01/2018/TT-VPCP",
    effective_from: "2018-06-21",
    effective_to: "2025-06-30",
    desk_name: "Bộ phận Tiếp nhận và Trả kết quả",
    forms: {
      receipt: { number: "Mẫu số 01", title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" },
      supplement: { number: "Mẫu số 02", title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" },
      refusal: { number: "Mẫu số 03", title: "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ" },
      apology: { number: "Mẫu số 04", title: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" },
      controlSlip: { number: "Mẫu số 05", title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" },
      trackingBook: { number: "Mẫu số 06", title: "SỔ THEO DÕI HỒ SƠ" },
    },
    slips: ["receipt", "supplement", "refusal", "apology", "control-slip", "tracking-book"],
    checks: ["decree", "effective_from"],
  },
  {
    code: "nd118-2025",
    layout: "nd118-2025",
    decree: "Nghị định số 118/2025/NĐ-CP",
    circular: "Thông tư số 03/2025/TT-VPCP",
    effective_from: "2025-07-01",
    effective_to: null,
    desk_name: "Trung tâm Phục vụ hành chính công",
    forms: {
      receipt: { number: "Mẫu số 01", title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" },
      supplement: { number: "Mẫu số 02", title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" },
      refusal: { number: "Mẫu số 03", title: "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ" },
      apology: { number: "Mẫu số 04", title: "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" },
      stop: { number: "Mẫu số 05", title: "THÔNG BÁO VỀ VIỆC DỪNG GIẢI QUYẾT HỒ SƠ" },
      controlSlip: { number: "Mẫu số 06", title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" },
      trackingBook: { number: "Mẫu số 07", title: "SỔ THEO DÕI HỒ SƠ" },
    },
    slips: ["receipt", "supplement", "refusal", "apology", "stop", "control-slip", "tracking-book"],
    // DOMAIN.md: the 2025 texts and their seven forms are to be checked against the circular.
    checks: ["decree", "circular", "forms", "desk_name"],
  },
];

/** The legal clocks both seeded versions carry (Law on Complaints 2011, Decree 124/2020, Decree 20/2008 as amended). */
const CLOCKS = {
  complaintFilingDays: 90,
  complaintAcceptDays: 10,
  firstInstance: { normal: 30, complex: 45, remote: 45, remoteComplex: 60 },
  secondInstanceFilingDays: { normal: 30, remote: 45 },
  secondInstance: { normal: 45, complex: 60, remote: 60, remoteComplex: 70 },
  feedbackWorkingDays: { refuse: 2, askMoreInfo: 5, answer: 15, publishAfterAnswer: 2 },
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rule_set_version")
    .addColumn("id", "integer", autoId(db))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("layout", "text", (c) => c.notNull().check(inList("layout", LAYOUTS)))
    .addColumn("decree", "text", (c) => c.notNull())
    .addColumn("circular", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("effective_to", "text")
    .addColumn("desk_name", "text", (c) => c.notNull())
    .addColumn("forms_json", "text", (c) => c.notNull())
    .addColumn("slips_json", "text", (c) => c.notNull())
    .addColumn("clocks_json", "text", (c) => c.notNull())
    .addColumn("checks_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("note", "text")
    .addColumn("created_by_user_id", "integer", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("rule_set_version_from_idx").on("rule_set_version").column("effective_from").unique().execute();

  const stamp = new Date().toISOString();
  for (const v of SEED) {
    await db
      .insertInto("rule_set_version")
      .values({
        code: v.code,
        layout: v.layout,
        decree: v.decree,
        circular: v.circular,
        effective_from: v.effective_from,
        effective_to: v.effective_to,
        desk_name: v.desk_name,
        forms_json: JSON.stringify(v.forms),
        slips_json: JSON.stringify(v.slips),
        clocks_json: JSON.stringify(CLOCKS),
        checks_json: JSON.stringify(v.checks),
        note: null,
        created_by_user_id: null,
        created_at: stamp,
      })
      .execute();
  }

  await db.schema
    .alterTable("dossier")
    .addColumn("rule_set_version_id", "integer", (c) => c.references("rule_set_version.id"))
    .execute();
  await db.schema.alterTable("dossier").addColumn("tracking_book_volume", "text").execute();
  await db.schema.alterTable("dossier").addColumn("tracking_book_number", "text").execute();
  await db.schema.alterTable("dossier").addColumn("pickup_place", "text").execute();
  await db
    .updateTable("dossier")
    .set({
      rule_set_version_id: sql`(select v.id from rule_set_version v where v.code = dossier.rule_set)`,
    })
    .execute();
}
