import { describe, expect, it } from "vitest";
import { renderOnce } from "../../../server/public-cache.js";

type Entry = NonNullable<Awaited<ReturnType<typeof renderOnce>>["entry"]>;
const entry = (body: string) => ({ body: Buffer.from(body) }) as unknown as Entry;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("renderOnce (single flight for public page misses)", () => {
  it("two simultaneous misses for the same key render once and share the entry", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      await tick();
      return { entry: entry("page"), result: "own answer" };
    };
    const [first, second] = await Promise.all([renderOnce("/\n\n", render), renderOnce("/\n\n", render)]);
    expect(renders).toBe(1);
    expect(first.entry).toBe(second.entry);
    expect(first.result).toBe("own answer");
    expect(second.result).toBeUndefined();
  });

  it("misses for different keys render each", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      await tick();
      return { entry: entry("page"), result: null };
    };
    await Promise.all([renderOnce("/\n\n", render), renderOnce("/feedback\n\n", render)]);
    expect(renders).toBe(2);
  });

  it("a render with nothing to share (or one that fails) lets each waiting request render its own", async () => {
    const renders: string[] = [];
    const unshared = (who: string) => async () => {
      renders.push(who);
      await tick();
      return { entry: undefined, result: who };
    };
    const [a, b] = await Promise.all([renderOnce("k", unshared("a")), renderOnce("k", unshared("b"))]);
    expect([a.result, b.result]).toEqual(["a", "b"]);
    expect(renders).toEqual(["a", "b"]);

    const failing = async (): Promise<{ entry: Entry | undefined; result: string }> => {
      await tick();
      throw new Error("render failed");
    };
    const [failed, waited] = await Promise.allSettled([renderOnce("k", failing), renderOnce("k", unshared("c"))]);
    expect(failed.status).toBe("rejected");
    expect(waited).toEqual({ status: "fulfilled", value: { entry: undefined, result: "c" } });
  });

  it("a miss after the render finished starts a new one", async () => {
    let renders = 0;
    const render = async () => {
      renders += 1;
      return { entry: entry("page"), result: null };
    };
    await renderOnce("again", render);
    await renderOnce("again", render);
    expect(renders).toBe(2);
  });
});
