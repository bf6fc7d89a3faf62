// 修改密码: current, new and confirmation, checked with the same policy as the server; mandatory at first login.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { checkPassword } from '../../../../domain/password-policy.ts';
import { isOrgUser, reloadSession, useSession } from '../../../access.ts';
import { t } from '../../../locales/zh-CN.ts';
import { errorMessage } from '../../../request.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { changePassword } from './api.ts';

const text = t.password;

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const actor = useSession().data?.actor;
  const navigate = useNavigate();
  const message = useNotify();
  const [form] = Form.useForm<PasswordForm>();
  const change = useMutation({
    mutationFn: changePassword,
    meta: { inlineError: true },
    onSuccess: async () => {
      message.success(text.done);
      form.resetFields();
      await reloadSession();
      navigate('/org', { replace: true });
    },
  });
  if (!isOrgUser(actor)) return null;

  return (
    <div style={{ maxWidth: 480 }}>
      <PageHeader title={text.title} />
      {actor.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title={text.mustChange}
          description={text.mustChangeDesc}
          style={{ marginBottom: 24 }}
        />
      )}
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
        }
        onValuesChange={() => change.error && change.reset()}
      >
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" value={actor.username} autoComplete="username" readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={text.current}
          rules={[{ required: true, message: text.currentRequired }]}
        >
          <Input.Password autoComplete="current-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={text.next}
          extra={text.policy}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: text.nextRequired },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                const problems = checkPassword(value, actor.username);
                if (problems.length > 0) throw new Error(problems.join('；'));
                if (value === getFieldValue('currentPassword')) throw new Error(text.sameAsCurrent);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={text.confirm}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: text.confirmRequired },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(text.mismatch);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        {change.error && (
          <Alert type="error" showIcon title={errorMessage(change.error)} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {text.submit}
        </Button>
      </Form>
    </div>
  );
}
