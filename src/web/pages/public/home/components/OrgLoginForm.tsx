// 组织单位 login form: username + password; Enter submits, errors appear under the fields.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { loginOrgUser, type OrgLoginInput } from '../api.ts';
import { LoginSubmit, useLogin } from './login-shared.tsx';

export function OrgLoginForm() {
  const login = useLogin(loginOrgUser, (result) => (result.mustChangePassword ? '/org/password' : '/org'));
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
      <LoginSubmit error={login.error} pending={login.isPending} />
    </Form>
  );
}
