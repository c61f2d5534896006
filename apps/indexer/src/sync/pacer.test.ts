/** How the pace of calls is learned from a provider's rate limit: down on a 429, slowly up after. */
import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer.js";

/** A pacer on a clock the test moves. */
function paced(options: ConstructorParameters<typeof Pacer>[0] = {}) {
  let now = 0;
  const pacer = new Pacer({ now: () => now, ...options });
  return {
    pacer,
    advance: (ms: number) => (now += ms),
    /** Reserves a slot and moves the clock to it, as a caller that waits it out. */
    send: () => {
      const { waitMs, sentAt } = pacer.reserve();
      now += waitMs;
      return sentAt;
    },
  };
}

describe("the pace of calls", () => {
  it("lets every call go at once until the provider rate-limits one", () => {
    const { pacer } = paced();
    for (let i = 0; i < 100; i++) expect(pacer.reserve().waitMs).toBe(0);
    expect(pacer.rate).toBe(Number.POSITIVE_INFINITY);
  });

  it("starts from the calls answered in the last second, less a share, on the first 429", () => {
    const { pacer, advance, send } = paced({ decrease: 0.5, burstMs: 0 });
    for (let i = 0; i < 40; i++) {
      send();
      pacer.succeeded();
      advance(20);
    }
    pacer.rateLimited(send());
    // 40 calls answered in the last second: half of them a second from now on, 50 ms apart.
    expect(pacer.rate).toBe(20);
    const first = send();
    expect(send() - first).toBe(50);
  });

  it("slows once for the calls in flight together, not once per refusal", () => {
    const { pacer, advance, send } = paced({ decrease: 0.5, burstMs: 0 });
    const together = [send(), send(), send()];
    for (let i = 0; i < 20; i++) pacer.succeeded();
    advance(10);
    pacer.rateLimited(together[0] ?? 0);
    expect(pacer.rate).toBe(10);
    // The other refusals of calls sent before the pace went down say nothing new.
    pacer.rateLimited(together[1] ?? 0);
    pacer.rateLimited(together[2] ?? 0);
    expect(pacer.rate).toBe(10);
    // A call sent at the new pace and refused slows it again.
    const late = send();
    advance(1);
    pacer.rateLimited(late);
    expect(pacer.rate).toBe(5);
  });

  it("grows by about one call a second for every second of answered calls", () => {
    const { pacer, send } = paced({ minRate: 10, burstMs: 0 });
    pacer.rateLimited(send());
    expect(pacer.rate).toBe(10);
    // Ten seconds of calls at the pace they are given.
    let seconds = 0;
    while (seconds < 10_000) {
      const before = send();
      pacer.succeeded();
      seconds = before;
    }
    expect(pacer.rate).toBeGreaterThan(18);
    expect(pacer.rate).toBeLessThan(22);
  });

  it("holds every call as long as the provider asks", () => {
    const { pacer, advance, send } = paced();
    const sentAt = send();
    advance(10);
    pacer.rateLimited(sentAt, 1_000);
    expect(pacer.reserve().waitMs).toBeGreaterThanOrEqual(1_000);
    expect(pacer.reserve().waitMs).toBeGreaterThanOrEqual(1_000);
  });

  it("never slows below its slowest pace, however often it is refused", () => {
    const { pacer, advance, send } = paced({ minRate: 2 });
    for (let i = 0; i < 50; i++) {
      pacer.rateLimited(send());
      advance(1);
    }
    expect(pacer.rate).toBe(2);
  });

  it("lets an idle pacer catch up a short burst, then spaces the calls", () => {
    const { pacer, advance, send } = paced({ minRate: 10, burstMs: 250 });
    pacer.rateLimited(send());
    advance(10_000);
    const waits = Array.from({ length: 5 }, () => pacer.reserve().waitMs);
    // 250 ms of slots at 10 a second: the first three go at once.
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[4]).toBeGreaterThan(0);
  });
});
