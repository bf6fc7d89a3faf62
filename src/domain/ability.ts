// What an actor may do to a record now, and if not why (the reason is shown on the disabled button).
export type Ability = { allowed: true } | { allowed: false; reason: string };

export const ALLOWED: Ability = { allowed: true };
export const denied = (reason: string): Ability => ({ allowed: false, reason });
