// Pieces of the dialogs that show a secret once (an initial password, a new 校验码): the dialog closes only by its
// button, and the secret is large, monospaced and copyable.
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Typography } from 'antd';

/** Modal props: no close icon, no closing by the mask or Esc, nothing kept after closing. */
export const ONE_TIME_MODAL_PROPS = {
  closable: false,
  mask: { closable: false },
  keyboard: false,
  destroyOnHidden: true,
} as const;

/** The copy button's two faces: before (`label`) and after (`done`) the copy. */
export function copyIcons(label: string, done: string) {
  return [
    <span key="copy">
      <CopyOutlined /> {label}
    </span>,
    <span key="done">
      <CheckOutlined /> {done}
    </span>,
  ];
}

/** How large a secret is shown: a 校验码 is short and larger than a password. */
const SECRET_STYLES = {
  password: { fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 },
  code: { fontFamily: 'monospace', fontSize: 20, letterSpacing: 2 },
} as const;

export function SecretText({
  value,
  testId,
  variant,
  text,
}: {
  value: string;
  testId: string;
  variant: keyof typeof SECRET_STYLES;
  text: { copy: string; copied: string };
}) {
  return (
    <Typography.Text
      data-testid={testId}
      style={SECRET_STYLES[variant]}
      copyable={{ text: value, icon: copyIcons(text.copy, text.copied), tooltips: false }}
    >
      {value}
    </Typography.Text>
  );
}
