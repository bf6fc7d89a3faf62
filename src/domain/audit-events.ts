// 审核流水 and every other audited action: who can act (the audit_log.actor_type CHECK list).
export const ACTOR_TYPES = ['ORG_USER', 'SITE', 'APPLICANT', 'SYSTEM'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
