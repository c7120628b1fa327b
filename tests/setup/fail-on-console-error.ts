import { afterEach, beforeEach, vi } from "vitest";

// A console.error during a test fails it, unless the test replaces the spy itself.
let consoleErrorSpy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  consoleErrorSpy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  consoleErrorSpy.mockRestore();
});
