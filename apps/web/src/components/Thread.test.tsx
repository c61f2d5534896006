// @vitest-environment jsdom
/**
 * Discussion threads as a reader sees them: a comment's Markdown never runs its author's HTML
 * (a script or an image's onerror shows as text), links leave the app with rel="nofollow
 * noopener" in a new tab, images are links and never loaded, and a mentioned member links to
 * their page; a thread from a local API lists its conversations oldest first with replies under
 * the comment they answer, edited and deleted marks, and asks a visitor without a wallet to
 * connect one.
 */
import type { Api } from "@rhizome/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ComponentType } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WagmiProvider } from "wagmi";
import { serveApi, type FakeApi } from "../test/api-server";
import * as fixture from "../test/fixtures";
import { Markdown } from "./Markdown";
import type { ThreadKind } from "@rhizome/client/schemas";

const ADA = fixture.members.items[0]?.account ?? "";
const BO = fixture.members.items[1]?.account ?? "";
const id = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const comment = (n: number, author: string, body: string, more: Partial<Api.Comment> = {}): Api.Comment => ({
  id: id(n),
  kind: "proposal",
  thread: "7",
  parent: null,
  author,
  body,
  mentions: [],
  createdAt: 1_760_000_000 + n * 60,
  editedAt: null,
  deletedAt: null,
  ...more,
});

let api: FakeApi;
let Thread: ComponentType<{ address: string; kind: ThreadKind; id: string }>;
let wagmiConfig: Parameters<typeof WagmiProvider>[0]["config"];

beforeAll(async () => {
  const c = `/api/collectives/${fixture.COLLECTIVE}`;
  api = await serveApi({
    [`${c}/threads/proposal/7/comments`]: {
      items: [
        comment(1, ADA, "First, **bold**."),
        comment(2, BO, "A reply to the first, @Ada, not @nobody.", { parent: id(1), mentions: [ADA] }),
        comment(3, BO, "", { deletedAt: 1_760_000_500 }),
        comment(4, ADA, "A reply to the reply.", { parent: id(2), editedAt: 1_760_000_900 }),
      ],
      next: null,
    },
    [`${c}/names`]: (query: URLSearchParams) => ({
      items: (query.get("accounts") ?? "").split(",").map((account) => ({
        account,
        name: fixture.members.items.find((m) => m.account.toLowerCase() === account.toLowerCase())?.name ?? null,
        avatarUri: null,
        ensName: null,
      })),
    }),
  });
  vi.stubEnv("VITE_API_URL", api.url);
  Thread = (await import("./Thread")).Thread;
  wagmiConfig = (await import("../wallet/config")).wagmiConfig;
});
afterEach(cleanup);
afterAll(async () => {
  vi.unstubAllEnvs();
  await api.close();
});

describe("a comment's Markdown", () => {
  it("shows raw HTML as text: no script, no image, no handler", () => {
    const { container } = render(
      <Markdown>{'Hi <script>alert("x")</script> and <img src=x onerror=alert(1)> there'}</Markdown>,
    );
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[onerror]")).toBeNull();
    expect(container.textContent).toContain('<script>alert("x")</script>');
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("opens links in a new tab without passing rank, and drops javascript: links", () => {
    render(<Markdown>{"See [the spec](https://rizom.example/spec) and [this](javascript:alert(1))."}</Markdown>);
    const link = screen.getByRole("link", { name: "the spec" });
    expect(link.getAttribute("href")).toBe("https://rizom.example/spec");
    expect(link.getAttribute("rel")).toBe("nofollow noopener");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(screen.queryByRole("link", { name: "this" })).toBeNull();
    expect(link.closest("p")?.textContent).toBe("See the spec and this.");
  });

  it("links the members a comment mentions within the app, and nothing else that looks like one", () => {
    const member = "/c/0xc0ffee/members/0xada";
    render(
      <Markdown mentions={new Map([["ada", member]])}>
        {"Thanks @ADA. Not @bo, not ada@rizom.example, not `@Ada` and not [@Ada](https://rizom.example/ada)."}
      </Markdown>,
    );
    const links = screen.getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["@ADA", member],
      ["@Ada", "https://rizom.example/ada"],
    ]);
    const [mention] = links;
    expect(mention?.getAttribute("target")).toBeNull();
    expect(mention?.getAttribute("rel")).toBeNull();
    expect(mention?.closest("p")?.textContent).toBe(
      "Thanks @ADA. Not @bo, not ada@rizom.example, not @Ada and not @Ada.",
    );
  });

  it("never loads an image: it is a link to it, named by its alt text", () => {
    const { container } = render(<Markdown>{"![a cat](https://tracker.example/cat.png)"}</Markdown>);
    expect(container.querySelector("img")).toBeNull();
    const link = screen.getByRole("link", { name: "Image: a cat" });
    expect(link.getAttribute("href")).toBe("https://tracker.example/cat.png");
    expect(link.getAttribute("rel")).toBe("nofollow noopener");
  });
});

describe("a thread", () => {
  it("lists conversations oldest first, replies under theirs, with edited and deleted marks", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={client}>
          <Thread address={fixture.COLLECTIVE} kind="proposal" id="7" />
        </QueryClientProvider>
      </WagmiProvider>,
    );
    const first = (await screen.findByText("bold")).closest("li") as HTMLElement;
    expect(first.querySelector("strong")?.textContent).toBe("bold");
    const replies = within(first).getAllByRole("listitem");
    expect(replies.map((r) => r.querySelector(".markdown")?.textContent?.trim())).toEqual([
      "A reply to the first, @Ada, not @nobody.",
      "A reply to the reply.",
    ]);
    // The member the service found for @Ada is a link to her page, once her name is known.
    const mention = await within(replies[0] as HTMLElement).findByRole("link", { name: "@Ada" });
    expect(mention.getAttribute("href")).toBe(`/c/${fixture.COLLECTIVE}/members/${ADA}`);
    expect(within(replies[0] as HTMLElement).queryByRole("link", { name: "@nobody" })).toBeNull();
    expect(within(replies[1] as HTMLElement).getByText("edited")).toBeTruthy();
    await within(first).findAllByText("Ada");
    const top = screen.getByRole("region", { name: "Discussion" }).querySelector("ol")?.children;
    expect(top).toHaveLength(2);
    const deleted = top?.[1] as HTMLElement;
    expect(within(deleted).getByText("deleted")).toBeTruthy();
    expect(within(deleted).getByText("This comment was deleted by its author.")).toBeTruthy();
    expect(screen.getByText("Connect a wallet to take part in the discussion.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Reply" })).toBeNull();
  });
});
