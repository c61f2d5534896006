/**
 * React Query hooks over the API. Keys start with the collective's address, so a live event
 * about one collective invalidates everything read about it and nothing else.
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "./api";

const key = (address: string, ...rest: unknown[]) => ["collective", address.toLowerCase(), ...rest] as const;

export const useCollectives = (query: { q?: string; sort?: "size" | "newest" }) =>
  useQuery({ queryKey: ["collectives", query], queryFn: ({ signal }) => api.collectives(query, signal) });

export const useCollective = (address: string) =>
  useQuery({ queryKey: key(address), queryFn: ({ signal }) => api.collective(address, signal) });

export const useMembers = (address: string) =>
  useQuery({ queryKey: key(address, "members"), queryFn: ({ signal }) => api.members(address, signal) });

/** One member; `enabled` false when no account is chosen. A 404 means "not a member" and is not retried. */
export const useMember = (address: string, account: string | undefined) =>
  useQuery({
    queryKey: key(address, "member", account?.toLowerCase()),
    queryFn: ({ signal }) => api.member(address, account as string, signal),
    enabled: account !== undefined,
    retry: false,
  });

export const useMemberVotes = (address: string, account: string | undefined) =>
  useQuery({
    queryKey: key(address, "member", account?.toLowerCase(), "votes"),
    queryFn: ({ signal }) => api.memberVotes(address, account as string, signal),
    enabled: account !== undefined,
    retry: false,
  });

export const useOwnership = (address: string) =>
  useQuery({ queryKey: key(address, "ownership"), queryFn: ({ signal }) => api.ownership(address, signal) });

export const useOwnershipHistory = (address: string) =>
  useQuery({
    queryKey: key(address, "ownership", "history"),
    queryFn: ({ signal }) => api.ownershipHistory(address, signal),
  });

export const useProposals = (address: string, query: { state?: string; kind?: string; proposer?: string } = {}) =>
  useQuery({
    queryKey: key(address, "proposals", query),
    queryFn: ({ signal }) => api.proposals(address, query, signal),
  });

export const useProposal = (address: string, id: string) =>
  useQuery({ queryKey: key(address, "proposal", id), queryFn: ({ signal }) => api.proposal(address, id, signal) });

export const useWork = (address: string, query: { state?: string; principle?: string } = {}) =>
  useQuery({ queryKey: key(address, "work", query), queryFn: ({ signal }) => api.work(address, query, signal) });

export const useApplications = (address: string, query: { status?: string; applicant?: string } = {}) =>
  useQuery({
    queryKey: key(address, "applications", query),
    queryFn: ({ signal }) => api.applications(address, query, signal),
  });

export const useTreasury = (address: string) =>
  useQuery({ queryKey: key(address, "treasury"), queryFn: ({ signal }) => api.treasury(address, signal) });

export const useNetwork = () => useQuery({ queryKey: ["network"], queryFn: ({ signal }) => api.network(signal) });
