// Database access for 组织单位 accounts and the login log, always scoped to the caller's subtree.
import { sql } from 'kysely';
import type { UserRole } from '../../../db/schema.ts';
import type { Db, Trx } from '../../context.ts';
import { inSubtree, likePattern } from '../org-units/repository.ts';

export interface AccountView {
  id: number;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  role: 'REVIEWER' | 'ADMIN';
  enabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export async function listAccounts(db: Db, rootPath: string, q: string | undefined, page: number, pageSize: number) {
  let base = db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.code', 'u.org_code')
    .where(inSubtree('o.path', rootPath));
  if (q) {
    base = base.where((eb) =>
      eb.or([
        eb('u.username', 'ilike', likePattern(q)),
        eb('u.display_name', 'ilike', likePattern(q)),
        eb('o.name', 'ilike', likePattern(q)),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .select([
        'u.id',
        'u.username',
        'u.display_name',
        'u.org_code',
        'o.name as org_name',
        'u.role',
        'u.enabled',
        'u.must_change_password',
        'u.locked_until',
        'u.created_at',
      ])
      .orderBy('o.path')
      .orderBy('u.username')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: AccountView[] = rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgCode: r.org_code,
    orgName: r.org_name,
    role: r.role,
    enabled: r.enabled,
    mustChangePassword: r.must_change_password,
    lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
  return { items, total: total.n };
}

/** The account if its org lies inside the subtree; row-locked when called inside a transaction. */
export function findAccountInSubtree(trx: Trx, id: number, rootPath: string) {
  return trx
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.code', 'u.org_code')
    .select(['u.id', 'u.username', 'u.enabled', 'u.org_code'])
    .where('u.id', '=', id)
    .where(inSubtree('o.path', rootPath))
    .forUpdate('u')
    .executeTakeFirst();
}

export async function listLoginLog(db: Db, rootPath: string, page: number, pageSize: number) {
  const base = db
    .selectFrom('login_log as l')
    .innerJoin('org_units as o', 'o.code', 'l.org_code')
    .where(inSubtree('o.path', rootPath));
  const [rows, total] = await Promise.all([
    base
      .select(['l.id', 'l.at', 'l.login', 'l.org_code', 'o.name as org_name', 'l.ip', 'l.result'])
      .orderBy('l.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      login: r.login,
      orgCode: r.org_code ?? '',
      orgName: r.org_name,
      ip: r.ip,
      result: r.result,
    })),
    total: total.n,
  };
}

/**
 * Inserts an org account unless its username is taken in any letter case (the unique index on lower(username)
 * decides between two creations at once); the new id, or undefined when the name was taken.
 */
export async function insertAccountOnce(
  trx: Trx,
  account: {
    username: string;
    displayName: string;
    passwordHash: string;
    orgCode: string;
    role: UserRole;
    mustChangePassword: boolean;
    now: Date;
  },
): Promise<number | undefined> {
  const inserted = await trx
    .insertInto('users')
    .values({
      username: account.username,
      display_name: account.displayName,
      password_hash: account.passwordHash,
      org_code: account.orgCode,
      role: account.role,
      must_change_password: account.mustChangePassword,
      locked_until: null,
      created_at: account.now,
      updated_at: account.now,
    })
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}
