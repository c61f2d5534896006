import { parseEther, parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import {
  validateApplication,
  validateCollective,
  validateCustomCall,
  validateDelegate,
  validateParameter,
  validatePayment,
  validateProfile,
  validateRagequit,
  validateWork,
} from "./validation";

const bo = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("form validation", () => {
  it("accepts an application and trims the pitch", () => {
    expect(validateApplication({ shares: " 50 ", pitch: " I build tools. " })).toEqual({
      ok: true,
      value: { shares: 50n, pitch: "I build tools." },
    });
  });

  it("says what is wrong with an application", () => {
    const result = validateApplication({ shares: "0", pitch: "x".repeat(1025) });
    expect(result).toEqual({
      ok: false,
      errors: { shares: "Requested shares must be at least 1.", pitch: "The pitch is 1025 bytes; at most 1,024 fit." },
    });
    expect(validateApplication({ shares: "1.5", pitch: "" })).toMatchObject({
      errors: {
        shares: "Requested shares must be a whole number.",
        pitch: "Say why you want to join and what you bring.",
      },
    });
  });

  it("refuses to burn more shares than the member holds", () => {
    expect(validateRagequit("60", 60n)).toEqual({ ok: true, value: 60n });
    expect(validateRagequit("61", 60n)).toMatchObject({
      ok: false,
      errors: { shares: "You hold 60 shares; you cannot burn more." },
    });
  });

  it("needs a real address to delegate to", () => {
    expect(validateDelegate(bo)).toEqual({ ok: true, value: bo });
    expect(validateDelegate("0x123").ok).toBe(false);
    expect(validateDelegate("0x0000000000000000000000000000000000000000").ok).toBe(false);
  });

  const form = () => ({
    title: "Docs",
    specUri: "",
    principle: "1",
    reward: "",
    payment: "",
    contributor: "",
    description: "",
  });

  it("needs a work item's principle and a reward or payment; an empty contributor is an open bounty", () => {
    const work = form();
    expect(validateWork(work, 4)).toMatchObject({
      ok: false,
      errors: { reward: "Offer a reward in shares, a payment, or both." },
    });
    expect(validateWork({ ...work, principle: "4" }, 4)).toMatchObject({
      errors: { principle: "Choose the principle the work serves." },
    });
    expect(validateWork({ ...work, reward: "20", payment: "0.5" }, 4)).toEqual({
      ok: true,
      value: {
        title: "Docs",
        specUri: "",
        principle: 1,
        reward: 20n,
        payment: parseEther("0.5"),
        contributor: undefined,
        description: "Docs",
      },
    });
  });

  it("reads a work payment in the chosen token's decimals", () => {
    const usdc = { symbol: "USDC", decimals: 6 };
    const work = { ...form(), reward: "", payment: "12.5" };
    expect(validateWork(work, 4, usdc)).toMatchObject({ ok: true, value: { payment: 12_500_000n } });
    expect(validateWork({ ...work, payment: "0.0000001" }, 4, usdc)).toMatchObject({
      errors: { payment: "The payment must be an amount such as 1.5, with at most 6 decimals." },
    });
  });

  it("keeps a payment within what the treasury holds of the chosen asset", () => {
    const payment = { to: bo, amount: "2", description: "Pay for hosting" };
    const eth = { symbol: "ETH", decimals: 18 };
    expect(validatePayment(payment, { ...eth, held: parseEther("1") })).toMatchObject({
      errors: { amount: "The treasury holds 1 ETH; it cannot pay more." },
    });
    expect(validatePayment(payment, { ...eth, held: parseEther("3") })).toMatchObject({
      ok: true,
      value: { amount: parseEther("2") },
    });
    const teur = { symbol: "tEUR", decimals: 18, held: parseUnits("1500", 18) };
    expect(validatePayment({ ...payment, amount: "1,000" }, teur)).toMatchObject({
      errors: { amount: "The amount must be an amount such as 1.5, with at most 18 decimals." },
    });
    expect(validatePayment({ ...payment, amount: "1000.25" }, teur)).toMatchObject({
      ok: true,
      value: { amount: parseUnits("1000.25", 18) },
    });
    expect(validatePayment({ ...payment, amount: "0" }, teur)).toMatchObject({
      errors: { amount: "Enter an amount of tEUR to pay." },
    });
    const points = { symbol: "PTS", decimals: 0, held: 10n };
    expect(validatePayment({ ...payment, amount: "2.5" }, points)).toMatchObject({
      errors: { amount: "The amount must be a whole number of PTS." },
    });
  });

  it("takes a profile link that a browser can open, or nothing to clear it", () => {
    const profile = (uri: string) => validateProfile({ name: "", avatar: "", uri });
    expect(profile(" https://rizom.coop/ada ")).toEqual({
      ok: true,
      value: { name: "", avatar: "", uri: "https://rizom.coop/ada" },
    });
    expect(profile("ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi").ok).toBe(true);
    expect(profile("")).toEqual({ ok: true, value: { name: "", avatar: "", uri: "" } });
    expect(profile("javascript:alert(1)")).toMatchObject({
      errors: { profile: "The profile must be a link starting with https://, http:// or ipfs://." },
    });
    expect(profile(`https://rizom.coop/${"a".repeat(500)}`)).toMatchObject({
      errors: { profile: "The link is 519 bytes; at most 512 fit." },
    });
  });

  it("takes a display name of at most 64 bytes without control characters, and a picture link", () => {
    expect(validateProfile({ name: " Ada Lovelace ", avatar: "ipfs://bafy/ada.png", uri: "" })).toEqual({
      ok: true,
      value: { name: "Ada Lovelace", avatar: "ipfs://bafy/ada.png", uri: "" },
    });
    expect(validateProfile({ name: "Ada\nAdmin", avatar: "", uri: "" })).toMatchObject({
      errors: { name: "The name must not contain control characters such as line breaks or tabs." },
    });
    // Bytes, not characters: 17 four-byte emoji are 68 bytes.
    expect(validateProfile({ name: "🌱".repeat(17), avatar: "", uri: "" })).toMatchObject({
      errors: { name: "The name is 68 bytes; at most 64 fit." },
    });
    expect(validateProfile({ name: "Ada", avatar: "data:image/png;base64,AAAA", uri: "" })).toMatchObject({
      errors: { avatar: "The picture must be a link starting with https://, http:// or ipfs://." },
    });
  });

  it("bounds percentages in a parameter change", () => {
    expect(validateParameter({ parameter: "quorumPercent", value: "81", description: "More quorum" })).toMatchObject({
      errors: { value: "The new value must be at most 80." },
    });
    expect(validateParameter({ parameter: "quorumPercent", value: "80", description: "More quorum" })).toMatchObject({
      ok: true,
    });
    // The contracts' bounds, at their edges.
    expect(validateParameter({ parameter: "votingPeriod", value: "599", description: "Short" })).toMatchObject({
      errors: { value: "The new value must be at least 600." },
    });
    expect(validateParameter({ parameter: "executionWindow", value: "7776001", description: "Long" })).toMatchObject({
      errors: { value: "The new value must be at most 7776000." },
    });
    expect(validateParameter({ parameter: "votingPeriod", value: "86400", description: "A day" })).toMatchObject({
      ok: true,
    });
  });

  it("checks a custom call's calldata is hex", () => {
    expect(validateCustomCall({ target: bo, valueEth: "", calldata: "0xabc", description: "Call it" })).toMatchObject({
      errors: { calldata: "Calldata must be 0x followed by pairs of hexadecimal digits." },
    });
  });

  describe("a new collective", () => {
    const rules = {
      votingDelayHours: "0",
      votingPeriodDays: "1.5",
      quorumPercent: "20",
      proposalThreshold: "1",
      timelockDelayHours: "24",
      executionWindowDays: "14",
      reviewWindowDays: "2",
      objectionThreshold: "10",
      vetoPercent: "25",
      countingRule: "both" as const,
    };
    const about = { name: " Hyphae ", symbol: "HYP", principles: "Care for the commons\n\n Open books \n" };
    const ada = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    it("turns days and hours into seconds and skips blank principle lines", () => {
      expect(
        validateCollective(
          about,
          [
            { account: ada, shares: "100" },
            { account: bo, shares: "50" },
          ],
          rules,
        ),
      ).toEqual({
        ok: true,
        value: {
          name: "Hyphae",
          symbol: "HYP",
          principles: ["Care for the commons", "Open books"],
          founders: [
            { account: ada, shares: 100n },
            { account: bo, shares: 50n },
          ],
          settings: {
            votingDelay: 0,
            votingPeriod: 129_600,
            timelockDelay: 86_400,
            executionWindow: 1_209_600,
            quorumPercent: 20,
            proposalThreshold: 1n,
            reviewWindow: 172_800,
            vetoPercent: 25,
            objectionThreshold: 10,
            countingRule: "both",
          },
        },
      });
    });

    it("says what the factory would refuse, field by field", () => {
      const result = validateCollective(
        { name: "", symbol: "TOOLONGSYMBOL", principles: Array.from({ length: 17 }, (_, i) => `P${i}`).join("\n") },
        [
          { account: ada, shares: "0" },
          { account: ada.toLowerCase(), shares: "5" },
        ],
        {
          ...rules,
          votingPeriodDays: "0",
          quorumPercent: "81",
          objectionThreshold: "0",
          proposalThreshold: "500",
          vetoPercent: "51",
        },
      );
      expect(result).toEqual({
        ok: false,
        errors: {
          name: "Give the collective a name.",
          symbol: "The symbol is 13 bytes; at most 11 fit.",
          principles: "That is 17 principles; at most 16 fit.",
          "founder-0-shares": "Founder 1's shares must be at least 1.",
          "founder-1-account": "Founder 2 is listed twice; give each founder one row.",
          votingPeriodDays: "The voting period must be at least 10 minutes.",
          quorumPercent: "The quorum must be at most 80%.",
          objectionThreshold: "The objection threshold must be at least 1.",
          vetoPercent: "The veto threshold must be at most 50%.",
          proposalThreshold: "The founders hold 5 shares together; a threshold above that would let no one propose.",
        },
      });
      expect(validateCollective(about, [], rules)).toMatchObject({
        errors: { founders: "A collective needs at least one founding member." },
      });
    });
  });
});
