// 填报单位 login form: 网站标识码 + 校验码; the code's shape is checked here with the domain rule before sending.
import { LockOutlined, NumberOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { parseSiteCode } from '../../../../../domain/org-code.ts';
import { removeWhitespace, toHalfWidth } from '../../../../../domain/text.ts';
import { dropUserData, reloadSession } from '../../../../access.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage, setCsrfToken } from '../../../../request.ts';
import { loginSite, type SiteLoginInput } from '../api.ts';

export function SiteLoginForm() {
  const navigate = useNavigate();
  const login = useMutation({
    mutationFn: loginSite,
    meta: { inlineError: true },
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      dropUserData();
      await reloadSession();
      navigate('/site');
    },
  });
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
      {login.error && <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
        {t.home.login}
      </Button>
    </Form>
  );
}
