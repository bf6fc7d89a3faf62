// Reads what the policy of site-abilities.ts needs: the open request, the resumable 基本信息修改, the latest change.
import type { RequestSnapshot } from '../../../domain/requests.ts';
import type { Db, Trx } from '../../context.ts';
import {
  CHANGE_TYPES,
  findLatestRequest,
  findOpenRequest,
  isChangeType,
  type OperatorSite,
  type RequestRow,
} from './repository.ts';
import type { SiteState } from './site-abilities.ts';

export const snapshotOf = (r: RequestRow): RequestSnapshot & { id: number } => ({
  id: r.id,
  type: r.type,
  state: r.state,
  chain: r.chain,
  stepIndex: r.stepIndex,
});

export interface LoadedState {
  state: SiteState;
  open: RequestRow | null;
  /** The latest 基本信息修改 if DRAFT or RETURNED. */
  resumable: RequestRow | null;
  /** The open change request, else the latest one (for 修改审核状态). */
  latestChange: RequestRow | null;
}

export async function loadSiteState(db: Db | Trx, site: OperatorSite): Promise<LoadedState> {
  const open = await findOpenRequest(db, site.id);
  const lastModify = await findLatestRequest(db, site.id, ['MODIFY']);
  const resumable = lastModify && (lastModify.state === 'DRAFT' || lastModify.state === 'RETURNED') ? lastModify : null;
  const latestChange = open && isChangeType(open.type) ? open : await findLatestRequest(db, site.id, CHANGE_TYPES);
  return {
    state: {
      runStatus: site.runStatus,
      isPortal: site.isPortal,
      isServicePlatform: site.isServicePlatform,
      open: open ? snapshotOf(open) : null,
      resumable: resumable ? snapshotOf(resumable) : null,
    },
    open,
    resumable,
    latestChange,
  };
}
