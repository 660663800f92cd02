/** Token scopes (spec 10 §5). `:write` implies `:read` of the same resource. */
export const SCOPES = [
  "jobs:read",
  "jobs:write",
  "proposals:read",
  "proposals:write",
  "messages:read",
  "messages:write",
  "payments:read",
  "payments:write",
  "team:read",
  "team:write",
  "webhooks:manage",
] as const;
export type Scope = (typeof SCOPES)[number];

export const PRE_CLAIM_SCOPES: readonly Scope[] = [
  "jobs:read",
  "jobs:write",
  "proposals:read",
  "messages:read",
  "payments:read",
  "team:read",
];

export const POST_CLAIM_SCOPES: readonly Scope[] = [
  "jobs:read",
  "jobs:write",
  "proposals:read",
  "proposals:write",
  "messages:read",
  "messages:write",
  "payments:read",
  "team:read",
  "team:write",
];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** True when the granted set covers `scope` (a `:write` grant covers the matching `:read`). */
export function hasScope(granted: readonly string[], scope: Scope): boolean {
  if (granted.includes(scope)) return true;
  if (scope.endsWith(":read")) return granted.includes(scope.replace(/:read$/, ":write"));
  return false;
}

/** Scopes of `requested` that `granted` does not cover (token minting must not escalate). */
export function uncoveredScopes(granted: readonly string[], requested: readonly Scope[]): Scope[] {
  return requested.filter((s) => !hasScope(granted, s));
}

/** Canonical order for display and storage. */
export function sortScopes<T extends string>(scopes: readonly T[]): T[] {
  const order = (s: string) => {
    const i = (SCOPES as readonly string[]).indexOf(s);
    return i === -1 ? SCOPES.length : i;
  };
  return [...new Set(scopes)].sort((a, b) => order(a) - order(b));
}
