// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { ComponentType, ReactNode } from "react";
import type { Tally as TallyComponent } from "../components/Tally";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { serveApi, type FakeApi } from "../test/api-server";
import * as fixture from "../test/fixtures";

let api: FakeApi;
let Collectives: ComponentType;
let Members: ComponentType<{ address: string }>;
let Proposals: ComponentType<{ address: string }>;
let Tally: typeof TallyComponent;

const c = `/api/collectives/${fixture.COLLECTIVE}`;
/** A member whose profile name is markup, which must show as the text it is. */
const BO = fixture.members.items[1]?.account ?? "";
const HOSTILE = "<img src=x onerror=alert(1)>";
const PROPOSALS = 45;
const proposal = (n: number) => ({
  ...fixture.admissionProposal,
  proposalId: String(1000 + n),
  description: `Proposal number ${n}`,
  commentCount: n % 3,
});

beforeAll(async () => {
  api = await serveApi({
    "/api/collectives": fixture.collectives,
    [`${c}/ownership`]: fixture.ownership,
    [`${c}/ownership/history`]: fixture.ownershipHistory,
    // Members whose name contains `q`, as the API finds them.
    [`${c}/members`]: (query: URLSearchParams) => {
      const q = query.get("q")?.toLowerCase();
      return q
        ? { items: fixture.members.items.filter((m) => m.name?.toLowerCase().includes(q)), next: null }
        : fixture.members;
    },
    [`${c}/names`]: (query: URLSearchParams) => ({
      items: (query.get("accounts") ?? "").split(",").map((account) => {
        const member = fixture.members.items.find((m) => m.account.toLowerCase() === account.toLowerCase());
        const name = member?.account === BO ? HOSTILE : (member?.name ?? null);
        return { account: member?.account ?? account, name, avatarUri: null, ensName: null };
      }),
    }),
    // 45 proposals, served 20 at a time with the API's cursors ("20", "40").
    [`${c}/proposals`]: (query: URLSearchParams) => {
      const start = Number(query.get("cursor") ?? "0");
      const end = Math.min(PROPOSALS, start + Number(query.get("limit")));
      return {
        items: Array.from({ length: end - start }, (_, i) => proposal(start + i)),
        next: end < PROPOSALS ? String(end) : null,
      };
    },
  });
  // The client reads its base URL once, at import: point it at the local server first.
  vi.stubEnv("VITE_API_URL", api.url);
  Collectives = (await import("./Collectives")).default;
  Members = (await import("./Members")).default;
  Proposals = (await import("./Proposals")).default;
  Tally = (await import("../components/Tally")).Tally;
});
afterEach(cleanup);
afterAll(async () => {
  vi.unstubAllEnvs();
  await api.close();
});

function withQueries(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

describe("the collectives page", () => {
  it("lists each collective with its size and principles, biggest first", async () => {
    withQueries(<Collectives />);
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    const rizom = await screen.findByRole("link", { name: "Rizom" });
    expect(rizom.getAttribute("href")).toBe(`/c/${fixture.COLLECTIVE}`);
    const card = rizom.closest("li") as HTMLElement;
    expect(card.textContent).toContain("9 members · 1,295 shares");
    expect(within(card).getByRole("list", { name: "Principles" }).textContent).toContain("Ownership over employment");
    expect(api.requests).toContain("/api/collectives?limit=20&sort=size");
  });
});

describe("the members and ownership page", () => {
  it("shows the concentration figures and every holder's share", async () => {
    withQueries(<Members address={fixture.COLLECTIVE} />);
    const nakamoto = await screen.findByText("Nakamoto coefficient");
    expect(nakamoto.nextElementSibling?.textContent).toBe(String(fixture.ownership.now.nakamoto));
    expect(screen.getByText("Gini", { selector: "dt" }).nextElementSibling?.textContent).toBe(
      fixture.ownership.now.gini.toFixed(2),
    );
    const chart = screen.getByLabelText("Share of the supply per holder");
    expect(chart.querySelectorAll(".bar-row")).toHaveLength(fixture.ownership.holders.items.length);
    const table = await screen.findByRole("table", { name: "Members" });
    expect(within(table).getAllByRole("row")).toHaveLength(fixture.members.items.length + 1);
    expect(screen.getByRole("img", { name: /Gini and the largest 10%/ })).toBeTruthy();
  });

  it("names each member as their profile does, as text, with the address on hover", async () => {
    withQueries(<Members address={fixture.COLLECTIVE} />);
    const table = await screen.findByRole("table", { name: "Members" });
    const ada = await within(table).findByRole("link", { name: "Ada" });
    expect(ada.closest("[title]")?.getAttribute("title")).toBe(fixture.members.items[0]?.account);
    const hostile = await within(table).findByText(HOSTILE);
    expect(hostile.tagName).toBe("BDI");
    expect(hostile.closest("[title]")?.getAttribute("title")).toBe(BO);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it("finds members by name as one types, and says when none matches", async () => {
    withQueries(<Members address={fixture.COLLECTIVE} />);
    const search = await screen.findByRole("searchbox", { name: "Find a member by name or address" });
    fireEvent.change(search, { target: { value: "cai" } });
    const table = await screen.findByRole("table", { name: "Members" });
    await within(table).findByRole("link", { name: "Cai" });
    await vi.waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(2));
    expect(api.requests).toContain(`${c}/members?limit=50&q=cai`);
    fireEvent.change(search, { target: { value: "nobody" } });
    await screen.findByText("No member's name contains “nobody”, and no address starts with it.");
  });
});

describe("the proposals page", () => {
  it("pages through the API's cursors with Show more, until the last page", async () => {
    withQueries(<Proposals address={fixture.COLLECTIVE} />);
    await screen.findByRole("link", { name: "Proposal number 0" });
    expect(screen.getAllByRole("heading", { level: 3 })).toHaveLength(20);
    expect(screen.getByText("Showing 20 proposals; there are more.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show more proposals" }));
    await screen.findByRole("link", { name: "Proposal number 39" });
    expect(api.requests).toContain(`${c}/proposals?limit=20&cursor=20`);
    const second = screen.getByRole("link", { name: "Proposal number 2" }).closest("li") as HTMLElement;
    expect(within(second).getByTitle("2 comments").textContent).toBe("💬 22 comments");
    expect(within(second).getByText("2 comments").className).toBe("visually-hidden");
    fireEvent.click(screen.getByRole("button", { name: "Show more proposals" }));
    await screen.findByRole("link", { name: "Proposal number 44" });
    expect(screen.getAllByRole("heading", { level: 3 })).toHaveLength(PROPOSALS);
    expect(screen.getByText("Showing 45 proposals.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Show more proposals" })).toBeNull();
  });
});

describe("a proposal's tally", () => {
  it("shows each side's share of the votes and the quorum progress", () => {
    render(<Tally proposal={fixture.admissionProposal} />);
    const p = fixture.admissionProposal;
    const total = BigInt(p.forVotes) + BigInt(p.againstVotes) + BigInt(p.abstainVotes);
    const forPct = Number((BigInt(p.forVotes) * 1000n) / total) / 10;
    expect(screen.getByLabelText(`for: ${forPct}% of the votes cast`)).toBeTruthy();
    expect(screen.getByLabelText("Quorum progress").getAttribute("value")).toBe(
      String(Math.min(1, p.quorumProgress ?? 0)),
    );
    expect(screen.getByText(new RegExp(`of ${p.quorum} shares needed`))).toBeTruthy();
  });

  it("counts members under one member, one vote, and shows both houses under two", () => {
    const p = fixture.admissionProposal;
    const { unmount } = render(
      <Tally
        proposal={{ ...p, countingRule: "members", forVotes: "3", againstVotes: "1", abstainVotes: "0", quorum: "2" }}
      />,
    );
    expect(screen.getByText("3 members (75%)")).toBeTruthy();
    expect(screen.getByText(/^3 of 2 members needed — reached$/)).toBeTruthy();
    unmount();
    const memberHouse = { forVotes: "1", againstVotes: "2", abstainVotes: "0", quorum: "2" };
    render(<Tally proposal={{ ...p, countingRule: "both", memberHouse }} />);
    expect(screen.getByRole("heading", { name: "By shares" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "By members" })).toBeTruthy();
    expect(screen.getByLabelText("By members, against: 66.6% of the votes cast")).toBeTruthy();
    expect(screen.getByLabelText("By members, quorum progress").getAttribute("value")).toBe("0.5");
    expect(screen.getByText(/^1 of 2 members needed$/)).toBeTruthy();
  });
});
