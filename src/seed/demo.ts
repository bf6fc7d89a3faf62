// The demo data set: the national org tree and a handful of demo accounts, created on the first start.
import { sql } from 'kysely';
import type { Db } from '../server/context.ts';
import { insertOrgUnits } from '../server/modules/org-units/repository.ts';
import { hashSecret } from '../server/passwords.ts';
import { buildNationalTree, contactsFor } from './national-tree.ts';

/** One shared initial password for the demo accounts; each must be changed at first login. */
export const DEMO_PASSWORD = 'Demo@2026gov';

export interface DemoAccount {
  username: string;
  displayName: string;
  orgCode: string;
  role: 'REVIEWER' | 'ADMIN';
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    displayName: '国办管理员',
    orgCode: 'bm0100',
    role: 'ADMIN',
    description: '国务院办公厅（最高权限组织单位）',
  },
  { username: 'hebei', displayName: '河北省审核员', orgCode: '130000', role: 'ADMIN', description: '河北省（省级）' },
  { username: 'hubei', displayName: '湖北省审核员', orgCode: '420000', role: 'ADMIN', description: '湖北省（省级）' },
  {
    username: 'qinhuangdao',
    displayName: '秦皇岛市审核员',
    orgCode: '130300',
    role: 'ADMIN',
    description: '河北省秦皇岛市（市级）',
  },
  {
    username: 'haigang',
    displayName: '海港区审核员',
    orgCode: '130302',
    role: 'ADMIN',
    description: '秦皇岛市海港区（县级）',
  },
  {
    username: 'shanhaiguan',
    displayName: '山海关区审核员',
    orgCode: '130303',
    role: 'REVIEWER',
    description: '秦皇岛市山海关区（县级）',
  },
  {
    username: 'shuiwu',
    displayName: '税务总局审核员',
    orgCode: 'bm3000',
    role: 'ADMIN',
    description: '国家税务总局（部委）',
  },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('org_units').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n === 0;
}

/**
 * The org tree and the demo accounts. npm start and `govsite seed --demo` add the demo sites of 河北省 on top
 * (`seedDemoWithSites` in demo-sites.ts); tests and benchmarks seed the tree and accounts only.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<string> {
  const tree = buildNationalTree().map((o) => ({ ...o, ...contactsFor(o.code) }));
  const hash = await hashSecret(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await insertOrgUnits(trx, tree, now);
    await trx
      .insertInto('users')
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          display_name: a.displayName,
          password_hash: hash,
          org_code: a.orgCode,
          role: a.role,
          must_change_password: true,
          locked_until: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  });
  return `已创建演示数据：${tree.length} 个组织单位，${DEMO_ACCOUNTS.length} 个演示账号`;
}

/** Demo accounts that still have the shared initial password (so printing it is still useful). */
export async function demoAccountsStillInitial(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where(
      'username',
      'in',
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .where('must_change_password', '=', true)
    .execute();
  const open = new Set(rows.map((r) => r.username));
  return DEMO_ACCOUNTS.filter((a) => open.has(a.username));
}
