import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfPages, squashSpaces } from "../setup/pdf-text";
import { baseURL, expectNoPageErrors, launchBrowser, logIn, openPage } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function stateOf(page: Page) {
  return page.locator("dl.facts .badge").first().innerText();
}

async function act(page: Page, button: string, op: string) {
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get("done") === op),
    page.getByRole("button", { name: button, exact: true }).click(),
  ]);
}

describe("the desk takes a dossier from intake to return", () => {
  it("an officer receives, handles and returns a birth registration", async () => {
    const { page, errors } = await openPage(browser, { allowedStatuses: [400, 409] });
    await logIn(page, "motcua");
    await page.goto("/staff/dossiers/new");
    await Promise.all([
      page.waitForURL(/procedure=1\.001193/),
      page.getByLabel("Thủ tục hành chính").selectOption("1.001193"),
    ]);

    await page.getByLabel("Họ và tên").fill("Lò Văn Hùng");
    await page.getByLabel("Số điện thoại", { exact: true }).fill("12345");
    await page.getByLabel("Địa chỉ").fill("Bản Nà Sài, xã Mường Sai");
    await page.locator('input[name="documents"]').first().check();
    // The due date shows before saving.
    await expect.poll(() => page.locator(".due-preview__date").innerText()).toMatch(/^Hẹn trả: \d{2}\/\d{2}\/\d{4} 17:00$/);

    await page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
    const phoneField = page.locator(".field", { has: page.getByLabel("Số điện thoại", { exact: true }) });
    await expect.poll(() => phoneField.locator(".field-errors").innerText()).toBe("Số điện thoại không hợp lệ (ví dụ 0912345678).");
    expect(new URL(page.url()).pathname).toBe("/staff/dossiers/new");

    await page.getByLabel("Số điện thoại", { exact: true }).fill("0912 345 678");
    await Promise.all([
      page.waitForURL(/\/staff\/dossiers\/[^/]+\?received=1/),
      page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click(),
    ]);
    const code = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
    expect(code).toMatch(/^000\.31\.14\.H53-\d{6}-\d{4}$/);
    await expect.poll(() => stateOf(page)).toBe("Đã tiếp nhận");

    // A step the lifecycle does not allow is refused with a clear message.
    const illegal = await page.request.post(`/staff/dossiers/${code}`, {
      form: { op: "return_result" },
      headers: { Origin: baseURL() },
    });
    expect(illegal.status()).toBe(409);

    await act(page, "Phân công xử lý", "assign");
    await expect.poll(() => stateOf(page)).toBe("Đang giải quyết");

    const formOf = (button: string) => page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });
    // The next step is the one primary action; a transfer is one of the other actions behind it.
    expect(await page.locator("[data-next-step]").getAttribute("data-next-step")).toBe("mark_result_ready");
    await page.locator("details.more-actions > summary", { hasText: "Thao tác khác" }).click();
    await formOf("Chuyển liên thông").getByLabel("Cơ quan").fill("Công an xã Mường Sai");
    await act(page, "Chuyển liên thông", "transfer");
    // The return form offers the agency the dossier went to.
    expect(await formOf("Nhận kết quả liên thông").getByLabel("Cơ quan").inputValue()).toBe("Công an xã Mường Sai");
    await act(page, "Nhận kết quả liên thông", "transfer_back");
    await act(page, "Đã có kết quả", "mark_result_ready");
    await expect.poll(() => stateOf(page)).toBe("Có kết quả, chờ trả");
    await act(page, "Trả kết quả cho công dân", "return_result");
    await expect.poll(() => stateOf(page)).toBe("Đã trả kết quả");
    const steps = await page.locator("section", { hasText: "Quá trình xử lý" }).locator("tbody tr td:first-child").allInnerTexts();
    expect(steps).toEqual([
      "Tiếp nhận hồ sơ",
      "Phân công xử lý",
      "Chuyển liên thông",
      "Nhận kết quả liên thông",
      "Có kết quả giải quyết",
      "Trả kết quả",
    ]);

    // The slips print as PDFs with the dossier's Vietnamese text.
    const receipt = await page.request.get(`/staff/dossiers/${code}/slips/receipt.pdf`);
    expect(receipt.headers()["content-type"]).toBe("application/pdf");
    const receiptText = squashSpaces(pdfPages(await receipt.body(), "plain").join("\n"));
    expect(receiptText).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    expect(receiptText).toContain("Lò Văn Hùng");
    expect(receiptText).toContain(code);
    const controlSlip = await page.request.get(`/staff/dossiers/${code}/slips/control-slip.pdf`);
    const controlText = pdfPages(await controlSlip.body(), "plain").join(" ").replace(/\s+/g, " ");
    expect(controlText).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    expect(controlText).toContain("Công an xã Mường Sai");
    expect((await page.request.get(`/staff/dossiers/${code}/slips/apology.pdf`)).status()).toBe(404);

    // The register lists it; the public look-up shows its status without personal data.
    await page.goto(`/staff/dossiers?q=${encodeURIComponent(code.slice(-11))}`);
    expect(await page.locator("tbody").innerText()).toContain(code);
    // The search box finds the applicant without accents and in capitals, and by phone (issue 15).
    for (const term of ["lo van hung", "LÒ VĂN HÙNG", "0912345678"]) {
      await page.goto("/staff/dossiers");
      await page.getByLabel("Mã hồ sơ, người nộp, điện thoại, số định danh").fill(term);
      await Promise.all([page.waitForURL(/\?/), page.getByRole("button", { name: "Lọc" }).click()]);
      expect(await page.locator("main").innerText(), term).toContain(code);
    }

    const visitor = await openPage(browser);
    await visitor.page.goto("/lookup");
    await visitor.page.getByLabel("Mã hồ sơ").fill(code);
    await Promise.all([visitor.page.waitForURL(/\?code=/), visitor.page.getByRole("button", { name: "Tra cứu" }).click()]);
    await expect.poll(() => visitor.page.locator("main").innerText()).toContain("Đã trả kết quả");
    const publicText = await visitor.page.locator("main").innerText();
    expect(publicText).toContain("Thủ tục đăng ký khai sinh");
    expect(publicText).not.toContain("Lò Văn Hùng");
    expect(publicText).not.toContain("0912345678");

    expectNoPageErrors(errors);
    expectNoPageErrors(visitor.errors);
    await page.context().close();
    await visitor.page.context().close();
  });

  it("the metrics API reads the demo's 2021: 4,492 received, 100% on time", async () => {
    const response = await fetch(`${baseURL()}/api/v1/metrics/on-time?year=2021`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ received: 4492, resolved: 4492, late: 0, onTimeRate: 1 });
    const bad = await fetch(`${baseURL()}/api/v1/metrics/on-time?from=2021-05-01`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "validation_failed", issues: [{ path: "to", code: "error.required" }] });
  });
});
