// One form field wired to the shared rules: dotted path → antd name path, 「*」 for required fields, checks on
// change and on blur.
import { Form } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { type SiteInfoRules, toNamePath } from '../rules.ts';

export const RulesContext = createContext<SiteInfoRules | null>(null);

export function Field({
  field,
  label,
  required = false,
  extra,
  children,
}: {
  field: string;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const rules = useContext(RulesContext);
  if (!rules) throw new Error('Field must be used inside <RulesContext>');
  return (
    <Form.Item
      name={toNamePath(field)}
      label={label}
      required={required}
      extra={extra}
      rules={rules.rulesFor(field)}
      validateTrigger={['onChange', 'onBlur']}
    >
      {children}
    </Form.Item>
  );
}
