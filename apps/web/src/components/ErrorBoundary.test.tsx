// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./ErrorBoundary";

afterEach(cleanup);

let broken = true;
function Page() {
  if (broken) throw new Error("Failed to fetch dynamically imported module: /assets/Members-old.js");
  return <p>Members</p>;
}

describe("a page that fails to render", () => {
  it("says what happened instead of blanking the app, and the next page gets a fresh try", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { rerender } = render(
      <ErrorBoundary resetKey="/c/a/members">
        <Page />
      </ErrorBoundary>,
    );
    expect(screen.getByRole("alert").textContent).toContain(
      "This page could not be shownFailed to fetch dynamically imported module",
    );
    expect(screen.getByRole("button", { name: "Reload the page" })).toBeTruthy();
    broken = false;
    rerender(
      <ErrorBoundary resetKey="/c/a/proposals">
        <Page />
      </ErrorBoundary>,
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("Members")).toBeTruthy();
    quiet.mockRestore();
  });
});
