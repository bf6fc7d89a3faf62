// What the two login forms share: the mutation that stores the session and opens the account's landing page, and
// the error line above the submit button.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { dropUserData, reloadSession } from '../../../../access.ts';
import { t } from '../../../../locales/zh-CN.ts';
import { errorMessage, setCsrfToken } from '../../../../request.ts';

export function useLogin<I, R extends { csrfToken: string }>(
  send: (input: I) => Promise<R>,
  landing: (result: R) => string,
) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: send,
    meta: { inlineError: true },
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      dropUserData();
      await reloadSession();
      navigate(landing(result));
    },
  });
}

export function LoginSubmit({ error, pending }: { error: Error | null; pending: boolean }) {
  return (
    <>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" size="large" block loading={pending}>
        {t.home.login}
      </Button>
    </>
  );
}
