// 维护/添加其他域名 (SPEC §5.3, §7.5): the full list of hosts, submitted for review as one request.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { checkHost } from '../../../../../domain/validation/url.ts';
import { sw } from '../../../../locales/site-workspace.zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import { type FiledRequest, requestDomains } from '../api.ts';

const text = sw.domains;

interface Values {
  hosts: string[];
}

export function DomainsModal({
  open,
  current,
  onClose,
  onFiled,
}: {
  open: boolean;
  current: string[];
  onClose: () => void;
  onFiled: (filed: FiledRequest) => void;
}) {
  const [form] = Form.useForm<Values>();
  const submit = useMutation({
    mutationFn: (values: Values) => requestDomains(values.hosts.map((h) => h.trim()).filter(Boolean)),
    meta: { inlineError: true },
    onSuccess: (filed) => {
      onFiled(filed);
      onClose();
    },
  });
  return (
    <Modal
      open={open}
      title={text.title}
      okText={text.submit}
      cancelText={sw.common.cancel}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) {
          submit.reset();
          form.setFieldsValue({ hosts: current.length > 0 ? current : [''] });
        }
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{text.help}</Typography.Paragraph>
      <Form form={form} onFinish={(values) => submit.mutate(values)} disabled={submit.isPending}>
        <Form.List name="hosts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={field.name}
                    style={{ flex: 1, marginBottom: 12 }}
                    rules={[
                      {
                        validator: async (_rule, value: string | undefined) => {
                          if (!value || value.trim() === '') return;
                          const r = checkHost(value);
                          if (!r.ok) throw new Error(r.error);
                        },
                      },
                    ]}
                  >
                    <Input placeholder={text.placeholder} aria-label={`${text.title} ${field.name + 1}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={text.remove} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} block>
                {text.add}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {submit.error ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(submit.error)} />
      ) : null}
    </Modal>
  );
}
