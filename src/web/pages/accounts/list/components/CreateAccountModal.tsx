// 新建账号 dialog: username, name, org unit (searched in the admin's subtree) and role; validated before sending.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { OrgUserActor } from '../../../../access.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage } from '../../../../request.ts';
import { listOrgUnits } from '../../../org-units/list/api.ts';
import { accountsKey, type CreateAccountInput, createAccount } from '../api.ts';

const USERNAME_RE = /^[A-Za-z0-9_.-]{3,30}$/;
const text = t.accounts.form;

interface OrgOption {
  value: string;
  label: string;
}

/** Org units matching the typed text (fetched a moment after typing stops), plus the one already chosen. */
function useOrgOptions(search: string, chosen: OrgOption) {
  const [debounced, setDebounced] = useState(search);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const result = useQuery({
    queryKey: ['org-units', 'options', debounced],
    queryFn: () => listOrgUnits({ q: debounced || undefined, page: 1, pageSize: 20 }),
  });
  const found: OrgOption[] = (result.data?.items ?? [])
    .filter((org) => org.enabled)
    .map((org) => ({ value: org.code, label: `${org.name}（${org.code}）` }));
  // Keep the chosen unit selectable (and its label shown) when the current search does not list it.
  const options = found.some((o) => o.value === chosen.value) ? found : [chosen, ...found];
  return { options, loading: result.isFetching };
}

export function CreateAccountModal({
  actor,
  open,
  onClose,
  onCreated,
}: {
  actor: OrgUserActor;
  open: boolean;
  onClose: () => void;
  onCreated: (username: string, initialPassword: string) => void;
}) {
  const [form] = Form.useForm<CreateAccountInput>();
  const ownOrg = { value: actor.orgCode, label: `${actor.orgName}（${actor.orgCode}）` };
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<OrgOption>(ownOrg);
  const queryClient = useQueryClient();
  const orgs = useOrgOptions(search, chosen);
  const close = () => {
    create.reset();
    form.resetFields();
    setChosen(ownOrg);
    onClose();
  };
  const create = useMutation({
    mutationFn: createAccount,
    meta: { inlineError: true },
    onSuccess: async (result, input) => {
      await queryClient.invalidateQueries({ queryKey: accountsKey });
      close();
      onCreated(input.username, result.initialPassword);
    },
  });

  return (
    <Modal
      open={open}
      title={text.title}
      okText={text.submit}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Form<CreateAccountInput>
        form={form}
        layout="vertical"
        initialValues={{ orgCode: actor.orgCode, role: 'REVIEWER' }}
        onFinish={(values) =>
          create.mutate({ ...values, username: values.username.trim(), displayName: values.displayName.trim() })
        }
        onValuesChange={() => create.error && create.reset()}
      >
        <Form.Item
          name="username"
          label={text.username}
          extra={text.usernameHelp}
          rules={[
            { required: true, whitespace: true, message: text.usernameRequired },
            { pattern: USERNAME_RE, message: text.usernamePattern },
          ]}
        >
          <Input autoComplete="off" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={text.displayName}
          rules={[
            { required: true, whitespace: true, message: text.displayNameRequired },
            { max: 30, message: text.displayNameMax },
          ]}
        >
          <Input autoComplete="off" maxLength={30} />
        </Form.Item>
        <Form.Item name="orgCode" label={text.org} rules={[{ required: true, message: text.orgRequired }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={text.orgPlaceholder}
            options={orgs.options}
            loading={orgs.loading}
            notFoundContent={null}
            onChange={(_value, option) => {
              if (option && !Array.isArray(option)) setChosen(option as OrgOption);
              setSearch('');
            }}
          />
        </Form.Item>
        <Form.Item name="role" label={text.role} extra={text.roleHelp} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'REVIEWER', label: t.roles.REVIEWER },
              { value: 'ADMIN', label: t.roles.ADMIN },
            ]}
          />
        </Form.Item>
        {create.error && <Alert type="error" showIcon title={errorMessage(create.error)} />}
      </Form>
    </Modal>
  );
}
