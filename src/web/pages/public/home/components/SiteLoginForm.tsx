// 填报单位 login form: 网站标识码 + 校验码; the code's shape is checked here with the domain rule before sending.
import { LockOutlined, NumberOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { parseSiteCode } from '../../../../../domain/org-code.ts';
import { removeWhitespace, toHalfWidth } from '../../../../../domain/text.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { loginSite, type SiteLoginInput } from '../api.ts';
import { LoginSubmit, useLogin } from './login-shared.tsx';

export function SiteLoginForm() {
  const login = useLogin(loginSite, () => '/site');
  const submit = (values: SiteLoginInput) => {
    const parsed = parseSiteCode(values.siteCode);
    if (!parsed.ok) return;
    login.mutate({
      siteCode: parsed.siteCode,
      checkCode: removeWhitespace(toHalfWidth(values.checkCode)).toUpperCase(),
    });
  };
  return (
    <Form<SiteLoginInput>
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      onValuesChange={() => login.error && login.reset()}
      aria-label={t.home.tabSite}
    >
      <Form.Item
        name="siteCode"
        label={t.home.siteCode}
        validateTrigger="onBlur"
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              const parsed = parseSiteCode(value ?? '');
              if (!parsed.ok) throw new Error(parsed.reason);
            },
          },
        ]}
      >
        <Input
          prefix={<NumberOutlined />}
          placeholder={t.home.siteCodePlaceholder}
          autoComplete="username"
          size="large"
          maxLength={20}
        />
      </Form.Item>
      <Form.Item
        name="checkCode"
        label={t.home.checkCode}
        rules={[{ required: true, whitespace: true, message: t.home.checkCodeRequired }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" maxLength={40} />
      </Form.Item>
      <LoginSubmit error={login.error} pending={login.isPending} />
    </Form>
  );
}
