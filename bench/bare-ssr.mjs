// The bare baseline for the public pages: Express + React 18 renderToString of a page of similar size
// (a header, a table of 40 rows, a form), no framework, no database. Started by bench/run.ts.
import express from "express";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";

const rows = Array.from({ length: 40 }, (_, i) => ({ code: `1.00${1000 + i}`, name: `Thủ tục hành chính số ${i + 1}`, days: (i % 7) + 1 }));
function Page() {
  return h("html", { lang: "vi" }, h("head", null, h("title", null, "Trang công khai")),
    h("body", null,
      h("header", null, h("nav", null, ["Trang chủ", "Thủ tục", "Phản ánh", "Công khai"].map((l) => h("a", { key: l, href: "#" }, l)))),
      h("main", null, h("h1", null, "Kết quả giải quyết thủ tục hành chính"),
        h("table", null, h("tbody", null, rows.map((r) => h("tr", { key: r.code }, h("td", null, r.code), h("td", null, r.name), h("td", null, `${r.days} ngày`))))),
        h("form", { method: "post" }, h("label", null, "Mã hồ sơ", h("input", { name: "code" })), h("button", null, "Tra cứu")))));
}
const app = express();
app.get("*", (_req, res) => res.type("html").send(`<!DOCTYPE html>${renderToString(h(Page))}`));
const server = app.listen(0, "127.0.0.1", () => console.log(`PORT ${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
