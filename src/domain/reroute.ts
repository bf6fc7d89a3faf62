// Re-routing open review steps after a 挂接关系 change (SPEC §3.5, §16 item 20): the rule, kept pure.
import { REVIEWABLE_STATES, type RequestState } from './requests.ts';

export interface RoutedRequest {
  state: RequestState;
  chain: readonly string[];
  stepIndex: number;
}

export interface Rerouted {
  chain: string[];
  stepIndex: number;
  currentOrg: string | null;
  changed: boolean;
}

/**
 * Replaces each disabled unit of a freshly computed chain by its nearest enabled ancestor and drops the repeats
 * this creates (a disabled county's sites go to its city; a disabled province's to the root). `ancestorsOf(code)`
 * lists the unit's ancestors nearest first; `enabled(code)` tells whether a unit may review.
 */
export function skipDisabled(
  chain: readonly string[],
  enabled: (code: string) => boolean,
  ancestorsOf: (code: string) => readonly string[],
): string[] {
  const out: string[] = [];
  for (const code of chain) {
    const stand = enabled(code) ? code : ancestorsOf(code).find(enabled);
    if (stand !== undefined && out[out.length - 1] !== stand) out.push(stand);
  }
  return out;
}

/**
 * The rule [INF]: the approvals already given stay valid as far as the new chain begins with the same units — the
 * longest common prefix of the approved part (chain[0..stepIndex)) and the new chain is kept and the request waits
 * at the first unit after it. If the new chain is entirely approved already (it became shorter), the request waits
 * at its last unit, because a final approval is never given by the tree change itself. The state is kept
 * (「未提交」 stays 「未提交」); RETURNED/DRAFT requests take the new chain at step 0, which is where a resubmission
 * starts anyway. Other states (CODE_PENDING, DONE, …) are not re-routed.
 */
export function rerouteRequest(req: RoutedRequest, newChain: readonly string[]): Rerouted {
  const same = (chain: readonly string[]) =>
    chain.length === req.chain.length && chain.every((code, i) => code === req.chain[i]);
  if (newChain.length === 0) throw new Error('new review chain is empty');
  if (!REVIEWABLE_STATES.has(req.state)) {
    const reroutable = req.state === 'RETURNED' || req.state === 'DRAFT';
    if (!reroutable) return { chain: [...req.chain], stepIndex: req.stepIndex, currentOrg: null, changed: false };
    return { chain: [...newChain], stepIndex: 0, currentOrg: null, changed: !same(newChain) || req.stepIndex !== 0 };
  }
  let kept = 0;
  while (kept < req.stepIndex && kept < newChain.length && newChain[kept] === req.chain[kept]) kept++;
  const stepIndex = Math.min(kept, newChain.length - 1);
  return {
    chain: [...newChain],
    stepIndex,
    currentOrg: newChain[stepIndex] ?? null,
    changed: !same(newChain) || stepIndex !== req.stepIndex,
  };
}
