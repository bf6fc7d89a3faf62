// `govsite create-admin`: the first ADMIN account of the root unit 国务院办公厅 (bm0100), created from the command
// line on a database that has no demo accounts. An empty database gets the root unit itself first, so that the
// rest of the tree can then be imported under it (`govsite import-orgs`).

import { sql } from 'kysely';
import { MESSAGES } from '../../../domain/messages/index.ts';
import { writeAudit } from '../../audit.ts';
import type { Db } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { hashSecret } from '../../passwords.ts';
import { ORG_UNIT_ENTITY } from '../org-tree/repository.ts';
import { insertOrgUnits } from '../org-units/repository.ts';
import { insertAccountOnce } from './repository.ts';

export const ROOT_ORG_CODE = 'bm0100';
const ROOT_ORG_NAME = '国务院办公厅';

export interface RootAdminInput {
  username: string;
  displayName: string;
  /** Already checked against the password policy by the caller. */
  password: string;
}

export interface RootAdminResult {
  id: number;
  /** True when the database had no root unit and it was created with the account. */
  createdRootUnit: boolean;
}

/** Creates the account (and the root unit when missing) in one transaction, audited as done by 系统. */
export async function createRootAdmin(db: Db, input: RootAdminInput, now: Date): Promise<RootAdminResult> {
  const hash = await hashSecret(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(username)`, '=', input.username.toLowerCase())
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', MESSAGES.adminUsernameTaken(input.username));

    const root = await trx.selectFrom('org_units').select('code').where('code', '=', ROOT_ORG_CODE).executeTakeFirst();
    if (!root) {
      await insertOrgUnits(
        trx,
        [
          {
            code: ROOT_ORG_CODE,
            name: ROOT_ORG_NAME,
            displayName: ROOT_ORG_NAME,
            level: 0,
            branch: 'VERTICAL',
            parentCode: null,
            principal: null,
            contacts: [],
          },
        ],
        now,
      );
      await writeAudit(trx, now, 'SYSTEM', {
        kind: 'ORG_UNIT_CREATED',
        entityType: ORG_UNIT_ENTITY,
        entityId: ROOT_ORG_CODE,
        toState: 'ENABLED',
        comment: `命令行 govsite create-admin 创建根组织单位「${ROOT_ORG_NAME}」（${ROOT_ORG_CODE}）`,
        data: { name: ROOT_ORG_NAME, displayName: ROOT_ORG_NAME },
      });
    }

    // Two create-admin runs at once: the unique index on lower(username) decides. The operator chose this password
    // at the prompt: nothing to replace at the first login.
    const id = await insertAccountOnce(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: hash,
      orgCode: ROOT_ORG_CODE,
      role: 'ADMIN',
      mustChangePassword: false,
      now,
    });
    if (id === undefined) throw new AppError('CONFLICT', MESSAGES.adminUsernameTaken(input.username));
    await writeAudit(trx, now, 'SYSTEM', {
      kind: 'ACCOUNT_CREATED',
      entityType: 'USER',
      entityId: String(id),
      comment: '命令行 govsite create-admin',
      data: { username: input.username, orgCode: ROOT_ORG_CODE, role: 'ADMIN' },
    });
    return { id, createdRootUnit: !root };
  });
}
