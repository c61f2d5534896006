import { parseEther } from "viem";
import { describe, expect, it } from "vitest";
import {
  validateApplication,
  validateCustomCall,
  validateDelegate,
  validateParameter,
  validatePayment,
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

  it("needs a work item's principle and a reward or payment; an empty contributor is an open bounty", () => {
    const form = {
      title: "Docs",
      specUri: "",
      principle: "1",
      reward: "",
      paymentEth: "",
      contributor: "",
      description: "",
    };
    expect(validateWork(form, 4)).toMatchObject({
      ok: false,
      errors: { reward: "Offer a reward in shares, a payment, or both." },
    });
    expect(validateWork({ ...form, principle: "4" }, 4)).toMatchObject({
      errors: { principle: "Choose the principle the work serves." },
    });
    expect(validateWork({ ...form, reward: "20", paymentEth: "0.5" }, 4)).toEqual({
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

  it("keeps a payment within the treasury's ETH", () => {
    const form = { to: bo, amountEth: "2", description: "Pay for hosting" };
    expect(validatePayment(form, parseEther("1"))).toMatchObject({
      errors: { amountEth: "The treasury does not hold that much ETH." },
    });
    expect(validatePayment(form, parseEther("3"))).toMatchObject({ ok: true, value: { amount: parseEther("2") } });
  });

  it("bounds percentages in a parameter change", () => {
    expect(validateParameter({ parameter: "quorumPercent", value: "101", description: "More quorum" })).toMatchObject({
      errors: { value: "The new value must be at most 100." },
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
});
