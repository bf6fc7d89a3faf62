// Shows a just-issued initial password once, with a copy button and the warning that it cannot be shown again.
import { Alert, Button, Descriptions, Modal } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';
import { ONE_TIME_MODAL_PROPS, SecretText } from '../../../../shared/OneTimeSecret.tsx';

export interface OneTimePassword {
  kind: 'created' | 'reset';
  username: string;
  password: string;
}

export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const text = t.accounts.oneTime;
  return (
    <Modal
      open={value !== null}
      title={value?.kind === 'reset' ? text.resetTitle : text.createdTitle}
      {...ONE_TIME_MODAL_PROPS}
      footer={
        <Button type="primary" onClick={onClose}>
          {text.close}
        </Button>
      }
    >
      {value && (
        <>
          <Alert type="warning" showIcon title={text.warning} style={{ marginBottom: 16 }} />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'user', label: text.account, children: value.username },
              {
                key: 'password',
                label: text.password,
                children: (
                  <SecretText value={value.password} testId="one-time-password" variant="password" text={text} />
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
