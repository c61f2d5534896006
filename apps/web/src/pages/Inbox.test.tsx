// @vitest-environment jsdom
/**
 * The inbox as a member reads it: each item says what it asks in words and in which collective,
 * how long is left from the indexed head's time (the date on hover), and links to where it is
 * acted on; an empty inbox says so.
 */
import type { Api } from "@rhizome/client";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { formatTime } from "../lib/format";
import { COLLECTIVE } from "../test/fixtures";
import { InboxItems } from "./Inbox";

const NOW = 1_760_000_000;
const item = (kind: Api.InboxItem["kind"], more: Partial<Api.InboxItem> = {}): Api.InboxItem => ({
  id: `${kind}-1`,
  kind,
  collective: COLLECTIVE,
  collectiveName: "Rizom",
  subject: { kind: "proposal", id: "7" },
  title: `A ${kind}`,
  summary: "",
  path: `/c/${COLLECTIVE}/proposals/7`,
  deadline: null,
  time: NOW - 600,
  ...more,
});

afterEach(cleanup);

describe("the inbox", () => {
  it("labels each item, says when it closes, and links to where it is acted on", () => {
    render(
      <InboxItems
        inbox={{
          account: COLLECTIVE,
          now: NOW,
          items: [
            item("vote", { deadline: NOW + 3 * 3_600, summary: "Voting ends soon." }),
            item("review", { deadline: NOW + 2 * 86_400, path: `/c/${COLLECTIVE}/work` }),
            item("reply", { summary: "Agreed, one question." }),
          ],
        }}
      />,
    );
    const cards = screen.getAllByRole("listitem");
    expect(cards.map((card) => card.querySelector(".badge")?.textContent)).toEqual([
      "Vote",
      "Review delivered work",
      "Reply",
    ]);
    const vote = cards[0] as HTMLElement;
    expect(vote.textContent).toContain("Vote in Rizom");
    expect(within(vote).getByText("closes in 3 hours").getAttribute("title")).toBe(formatTime(NOW + 3 * 3_600));
    expect(within(vote).getByRole("link", { name: "A vote" }).getAttribute("href")).toBe(
      `/c/${COLLECTIVE}/proposals/7`,
    );
    expect(within(cards[1] as HTMLElement).getByText("closes in 2 days")).toBeTruthy();
    expect(
      within(cards[1] as HTMLElement)
        .getByRole("link")
        .getAttribute("href"),
    ).toBe(`/c/${COLLECTIVE}/work`);
    expect(within(cards[2] as HTMLElement).getByText("Agreed, one question.")).toBeTruthy();
  });

  it("says when nothing needs the member", () => {
    render(<InboxItems inbox={{ account: COLLECTIVE, now: NOW, items: [] }} />);
    expect(screen.getByText(/^Nothing needs you right now/)).toBeTruthy();
  });
});
