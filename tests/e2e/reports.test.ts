import { createHash } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPages } from "../setup/pdf-text";
import { expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const words = (pdf: Buffer) => pdfPages(pdf).join("\n").replace(/\s+/g, " ");
const CODE = /Mã xác minh: ([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})/;

describe("the on-time report and its verification", () => {
  it("an inspector downloads the 2021 report, then checks it by its code and by the file itself", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "thanhtra");

    const response = await page.request.get("/reports/on-time.pdf?year=2021");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await response.body();
    const text = words(pdf);
    expect(text).toContain("BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    expect(text).toContain("4.492 4.492 100%");
    expect(text).toContain("tỷ lệ giải quyết đúng hạn 100%");
    expect(text).toContain("BẢN CHO THANH TRA");
    expect(text).toContain("Không có hồ sơ trễ hạn trong kỳ báo cáo.");
    const code = CODE.exec(text)?.[1];
    expect(code).toBeDefined();
    const sha256 = createHash("sha256").update(pdf).digest("hex");

    // The QR code's link: the public record of the issue.
    await page.goto(`/verify/${code}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(`Văn bản có mã xác minh ${code}`);
    expect(await page.getByTestId("sha256").innerText()).toBe(sha256);
    const record = await page.locator("main").innerText();
    expect(record).toContain("Báo cáo kết quả giải quyết TTHC – Năm 2021");
    expect(record).toContain("Bản đầy đủ cho thanh tra, đã che thông tin cá nhân");
    expect(record).toContain("Lường Văn Sơn");

    // The file itself, uploaded on the verification page.
    await page.getByRole("link", { name: "Kiểm tra một tệp PDF" }).click();
    await page.waitForURL(/\/verify$/);
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({ name: "bao-cao-2021.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const result = page.getByTestId("verify-result");
    await expect.poll(() => result.innerText()).toContain("Tệp trùng khớp với văn bản đã phát hành.");
    expect(await result.innerText()).toContain(code!);
    expect(await result.innerText()).toContain(sha256);
    expectNoPageErrors(errors);
  });

  it("a changed file does not match, and an unknown code is not found", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [404] });
    const pdf = await (await page.request.get("/reports/on-time.pdf?year=2021")).body();
    expect(words(pdf)).toContain("Bản công khai (chỉ số liệu tổng hợp)");
    const altered = Buffer.concat([pdf, Buffer.from("\n% altered\n")]);

    await page.goto("/verify");
    await page.getByLabel("Tệp PDF cần kiểm tra").setInputFiles({ name: "bao-cao.pdf", mimeType: "application/pdf", buffer: altered });
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await expect.poll(() => page.getByTestId("verify-result").innerText()).toContain("Không có văn bản đã phát hành nào có cùng mã băm SHA-256.");

    await page.getByLabel("Mã xác minh", { exact: true }).fill("zzzz zzzz zzzz");
    await page.getByRole("button", { name: "Tra cứu" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Không có văn bản nào đã phát hành với mã xác minh này.");
    const missing = await page.goto("/verify/ZZZZ-ZZZZ-ZZZZ");
    expect(missing?.status()).toBe(404);
    expectNoPageErrors(errors);
  });

  it("the quality lead sees the inspector's download in the audit log", async () => {
    const { page, errors } = await openPage(browser);
    await logIn(page, "chatluong");
    await page.goto("/staff/audit-log?entityType=report");
    const log = await page.locator("main").innerText();
    expect(log).toContain("Tải về");
    expect(log).toContain("Lường Văn Sơn");
    expectNoPageErrors(errors);
  });
});
