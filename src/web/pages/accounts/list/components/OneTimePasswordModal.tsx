// Shows a just-issued initial password once, with a copy button and the warning that it cannot be shown again.
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { t } from '../../../../locales/zh-CN.ts';

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
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
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
                  <Typography.Text
                    data-testid="one-time-password"
                    style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 }}
                    copyable={{
                      text: value.password,
                      icon: [
                        <span key="copy">
                          <CopyOutlined /> {text.copy}
                        </span>,
                        <span key="done">
                          <CheckOutlined /> {text.copied}
                        </span>,
                      ],
                      tooltips: false,
                    }}
                  >
                    {value.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
