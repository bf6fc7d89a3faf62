// A toolbar button rendered from an ability: disabled with the server's reason as its tooltip when not allowed.
import { Button, type ButtonProps, Tooltip } from 'antd';

export interface AbilityState {
  allowed: boolean;
  reason?: string | undefined;
}

export function AbilityButton({ ability, ...props }: ButtonProps & { ability: AbilityState }) {
  if (ability.allowed) return <Button {...props} />;
  // A disabled button swallows mouse events; the wrapper lets the tooltip show.
  return (
    <Tooltip title={ability.reason}>
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        <Button {...props} disabled style={{ ...props.style, pointerEvents: 'none' }} />
      </span>
    </Tooltip>
  );
}
