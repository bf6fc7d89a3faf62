// Opens an application with its 临时码: the stored information, and the return reason while it is RETURNED.

import { MESSAGES } from '../../../domain/messages/index.ts';
import { applicantProgressText } from '../../../domain/requests.ts';
import type { SiteInfo } from '../../../domain/site-info.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { findByTempCode } from './find-by-temp-code.ts';
import type { ApplicationRow } from './repository.ts';

export interface OpenApplicationResult {
  state: ApplicationRow['state'];
  text: string;
  returnReason: string | null;
  editable: boolean;
  info: SiteInfo;
}

export async function openApplication(ctx: AppContext, tempCode: string, ip: string): Promise<OpenApplicationResult> {
  const row = await findByTempCode(ctx, tempCode, ip);
  if (row.state === 'DONE') {
    // After issuance the record belongs to the 填报单位 account; its current data is not the application's.
    throw new AppError('CONFLICT', MESSAGES.applicationClosed);
  }
  return {
    state: row.state,
    text: applicantProgressText({ state: row.state, returnReason: row.return_reason }, ctx.clock.now()),
    returnReason: row.state === 'RETURNED' ? row.return_reason : null,
    editable: row.state === 'RETURNED',
    info: row.info as unknown as SiteInfo,
  };
}
