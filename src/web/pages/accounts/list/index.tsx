// 账号管理: accounts of the admin's unit and its subordinate units; create, enable/disable, reset password.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { isOrgUser, useSession } from '../../../access.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useNotify } from '../../../shared/notify.tsx';
import { PagedTable } from '../../../shared/PagedTable.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { usePageParams } from '../../../shared/use-page-params.ts';
import { type Account, accountsKey, listAccounts, resetAccountPassword, setAccountEnabled } from './api.ts';
import { accountColumns } from './columns.tsx';
import { CreateAccountModal } from './components/CreateAccountModal.tsx';
import { type OneTimePassword, OneTimePasswordModal } from './components/OneTimePasswordModal.tsx';

const text = t.accounts;

export default function AccountListPage() {
  const actor = useSession().data?.actor;
  const params = usePageParams();
  const message = useNotify();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);

  const query = { q: params.q || undefined, page: params.page, pageSize: params.pageSize };
  const result = useQuery({
    queryKey: [...accountsKey, query],
    queryFn: () => listAccounts(query),
    placeholderData: keepPreviousData,
  });

  const toggle = useMutation({
    mutationFn: (account: Account) => setAccountEnabled(account.id, !account.enabled),
    onSuccess: (_r, account) => {
      message.success(account.enabled ? text.disabledDone : text.enabledDone);
      return queryClient.invalidateQueries({ queryKey: accountsKey });
    },
  });
  const reset = useMutation({
    mutationFn: (account: Account) => resetAccountPassword(account.id),
    onSuccess: (r, account) => {
      setOneTime({ kind: 'reset', username: account.username, password: r.initialPassword });
      return queryClient.invalidateQueries({ queryKey: accountsKey });
    },
  });

  if (!isOrgUser(actor)) return null;
  const busyId = toggle.isPending
    ? (toggle.variables?.id ?? null)
    : reset.isPending
      ? (reset.variables?.id ?? null)
      : null;
  const columns = accountColumns({
    currentUserId: actor.userId,
    busyId,
    // Errors are shown by request.ts; the Popconfirm just closes.
    onToggle: (account) => toggle.mutateAsync(account).catch(() => {}),
    onReset: (account) => reset.mutateAsync(account).catch(() => {}),
  });

  return (
    <>
      <PageHeader
        title={text.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {text.create}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={params.q}
          defaultValue={params.q}
          placeholder={text.searchPlaceholder}
          allowClear
          enterButton
          maxLength={50}
          style={{ width: 320, maxWidth: '100%' }}
          onSearch={(value) => params.update({ q: value.trim() })}
        />
      </Flex>
      <PagedTable params={params} query={result} columns={columns} width={960} text={text} />
      <CreateAccountModal
        actor={actor}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => {
          setCreating(false);
          setOneTime({ kind: 'created', username, password });
        }}
      />
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </>
  );
}
