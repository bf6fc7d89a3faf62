// 组织单位 login form: username + password; Enter submits, errors appear under the fields.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { dropUserData, reloadSession } from '../../../../access.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage, setCsrfToken } from '../../../../request.ts';
import { loginOrgUser, type OrgLoginInput } from '../api.ts';

export function OrgLoginForm() {
  const navigate = useNavigate();
  const login = useMutation({
    mutationFn: loginOrgUser,
    meta: { inlineError: true },
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      dropUserData();
      await reloadSession();
      navigate(result.mustChangePassword ? '/org/password' : '/org');
    },
  });
  return (
    <Form<OrgLoginInput>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => login.mutate(values)}
      onValuesChange={() => login.error && login.reset()}
      aria-label={t.home.tabOrg}
    >
      <Form.Item
        name="username"
        label={t.home.username}
        rules={[{ required: true, whitespace: true, message: t.home.usernameRequired }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" size="large" maxLength={50} />
      </Form.Item>
      <Form.Item name="password" label={t.home.password} rules={[{ required: true, message: t.home.passwordRequired }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" maxLength={200} />
      </Form.Item>
      {login.error && <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
        {t.home.login}
      </Button>
    </Form>
  );
}
