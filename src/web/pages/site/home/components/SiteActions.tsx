// The buttons of the 填报单位 home (SPEC §8.2), in the server's order and with the server's abilities: a button that
// cannot be used now is disabled with the reason as its tooltip. Keys without a handler on this page are not shown.
import { Flex } from 'antd';
import { AbilityButton } from '../../../sites/list/components/AbilityButton.tsx';
import type { SiteAction } from '../api.ts';

export type ActionHandlers = Readonly<Record<string, () => void>>;

/** Primary look for the action the operator most often needs. */
const PRIMARY = new Set(['modify']);

export function SiteActions({ actions, handlers }: { actions: SiteAction[]; handlers: ActionHandlers }) {
  return (
    <Flex wrap gap={8} role="toolbar" aria-label="填报单位操作">
      {actions
        .filter((a) => handlers[a.key] !== undefined)
        .map((a) => (
          <AbilityButton
            key={a.key}
            type={PRIMARY.has(a.key) ? 'primary' : 'default'}
            ability={a}
            onClick={handlers[a.key]}
          >
            {a.label}
          </AbilityButton>
        ))}
    </Flex>
  );
}
