// 网站组织单位标识码 lookup for the application form: the unit and its 省/部委, 市/垂管省局, 县/垂管分局 names.
import { MESSAGES } from '../../../domain/messages/index.ts';
import { parseOrgCode } from '../../../domain/org-code.ts';
import type { Db } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { ancestorsOf } from './repository.ts';

export interface OrgLookup {
  code: string;
  name: string;
  displayName: string;
  level: number;
  province: string;
  city: string;
  county: string;
}

export async function lookupOrgCode(db: Db, input: string): Promise<OrgLookup> {
  const parsed = parseOrgCode(input);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', parsed.reason);
  const chain = await ancestorsOf(db, parsed.code);
  const org = chain.at(-1);
  if (!org) throw new AppError('NOT_FOUND', MESSAGES.orgCodeUnknown(parsed.code));
  if (!org.enabled) throw new AppError('VALIDATION_FAILED', MESSAGES.orgUnitDisabledNoNewSites(parsed.code, org.name));
  const atLevel = (level: number) => chain.find((o) => o.level === level)?.display_name ?? '';
  return {
    code: org.code,
    name: org.name,
    displayName: org.display_name,
    level: org.level,
    // The root (国务院办公厅) fills the 部委 column for its own sites.
    province: org.level === 0 ? org.display_name : atLevel(1),
    city: atLevel(2),
    county: atLevel(3),
  };
}
