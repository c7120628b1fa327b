import type * as Crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { submitFeedback, type NewFeedback } from "~/models/feedback.server";
import { createTestDb, type TestDb } from "../../setup/test-db";
import { seedReferenceData } from "../models/dossier-fixtures";

// The tracking code comes from node:crypto's randomInt. Here it can be made to repeat itself, to
// check that submitFeedback draws again rather than failing on the unique index or reusing a code.
const forced = vi.hoisted(() => ({ values: [] as number[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  const randomInt = ((...args: Parameters<typeof actual.randomInt>) => {
    const next = forced.values.shift();
    return next === undefined ? (actual.randomInt as (...a: unknown[]) => unknown)(...args) : next;
  }) as typeof actual.randomInt;
  return { ...actual, default: { ...actual, randomInt }, randomInt };
});

let t: TestDb;
let unitId: number;

beforeAll(async () => {
  t = createTestDb();
  unitId = (await seedReferenceData(t.db)).unit.id;
});

afterAll(async () => {
  await t.cleanup();
});

const input: NewFeedback = {
  kind: "compliment",
  subject: "Cảm ơn cán bộ một cửa",
  description: "Cán bộ hướng dẫn tận tình.",
  contact: {},
  consent: true,
  source: "web",
  sourceAddressHash: null,
  attachments: [],
};
const submit = () => submitFeedback(t.db, unitId, input, (c) => `https://motcua.example.vn/feedback/${c}`, new Date("2026-03-02T02:00:00Z"));

describe("tracking codes", () => {
  it("draws again, as often as needed, when the random code is already taken", async () => {
    forced.values = Array<number>(12).fill(0);
    const first = await submit();
    expect(first.code).toBe("2222-2222-2222");
    expect(forced.values).toEqual([]);

    // The same code twice more (a retry must be checked too), then a free one: "3333-3333-3333".
    forced.values = [...Array<number>(24).fill(0), ...Array<number>(12).fill(1)];
    const second = await submit();
    expect(second.code).toBe("3333-3333-3333");
    expect(forced.values).toEqual([]);

    const rows = await t.db.selectFrom("feedback_item").select(["id", "code"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: first.id, code: "2222-2222-2222" },
      { id: second.id, code: "3333-3333-3333" },
    ]);
  });
});
