/**
 * How a collective's votes count (the governor's `CountingRule`): by shares; one member, one
 * vote (a delegate casts one for each member whose votes it holds); or in two houses, where a
 * proposal passes only if it passes, with its quorum, both by shares and by members.
 */

/** The rules, in the order of the contract's enum: a rule's index is its value on chain. */
export const COUNTING_RULES = ["shares", "members", "both"] as const;

export type CountingRule = (typeof COUNTING_RULES)[number];

/** The rule's value on chain. */
export function countingRuleValue(rule: CountingRule): number {
  return COUNTING_RULES.indexOf(rule);
}

/** The rule a value on chain stands for. */
export function countingRuleOf(value: number | bigint): CountingRule {
  const rule = COUNTING_RULES[Number(value)];
  if (!rule) throw new RangeError(`Unknown counting rule ${value}`);
  return rule;
}
